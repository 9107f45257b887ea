package dev.annota.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer parses a COCO dataset's items on a background thread: failures still reach the caller as before. */
class CocoWriterPrefetchTest {
    @TempDir
    Path dir;

    private static boolean prefetchThreadAlive() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("coco-writer-items") && t.isAlive())) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void a_record_that_breaks_during_the_write_fails_it_with_the_readers_message() throws IOException, InterruptedException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, CocoStreamingReadTest.shuffledFile(300, 4, 5));
        Dataset d = new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST));
        // damage one record of a late image without changing the file's size or time
        FileTime time = Files.getLastModifiedTime(json);
        byte[] bytes = Files.readAllBytes(json);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("{\"id\": ", indexOfImage(bytes, 280));
        bytes[at] = 'x';
        Files.write(json, bytes);
        Files.setLastModifiedTime(json, time);

        UncheckedIOException inline = assertThrows(UncheckedIOException.class, () -> {
            try (Stream<Item> items = d.items()) {
                items.forEach(i -> { });
            }
        });
        Path out = dir.resolve("out");
        IOException thrown = assertThrows(IOException.class, () -> new CocoWriter().write(d, out, new ImportReport(ErrorPolicy.COLLECT)));
        assertEquals(inline.getCause().getMessage(), thrown.getMessage());
        assertFalse(prefetchThreadAlive(), "the background thread should have ended");
        try (Stream<Path> left = Files.list(out.resolve(CocoFormat.ANNOTATIONS_DIR))) {
            assertEquals(List.of(), left.toList(), "no fragments or partial files left");
        }
    }

    @Test
    void a_successful_write_leaves_no_background_thread() throws IOException, InterruptedException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, CocoStreamingReadTest.shuffledFile(50, 3, 1));
        Dataset d = new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        new CocoWriter().write(d, dir.resolve("out"), report);
        assertTrue(Files.isRegularFile(dir.resolve("out/annotations/instances_default.json")));
        assertFalse(prefetchThreadAlive());
    }

    /** Where the first record of the image with COCO id {@code image} starts (the records are shuffled). */
    private static int indexOfImage(byte[] bytes, int image) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int i = text.indexOf("\"image_id\": " + image + ",");
        return text.lastIndexOf("{\"id\": ", i);
    }
}
