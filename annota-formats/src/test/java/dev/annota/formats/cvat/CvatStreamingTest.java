package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20,000 images × 10 boxes (200,000 shapes) are written from a lazily generated dataset and read back counting,
 * in a JVM whose heap (32 MB) could not hold them: the writer and the reader stream one image at a time.
 */
class CvatStreamingTest {
    static final int IMAGES = 20_000;
    static final int BOXES = 10;

    @Test
    void writes_and_reads_200_000_boxes_in_a_32_mb_heap(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CvatStreamingMain.class.getName(),
                dir.toString(), Integer.toString(IMAGES), Integer.toString(BOXES)).redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM should finish");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("items=" + IMAGES + " shapes=" + (IMAGES * BOXES) + " "), output);
        // missing image files are warned about, but only the first 100 per kind are listed, plus a summary
        int problems = Integer.parseInt(output.replaceAll("(?s).*problems=(\\d+).*", "$1"));
        assertTrue(problems <= 2 * (CappedWarnings.CAP + 1), output);

        // in this JVM: the reader hands out the first item before reading the rest
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CvatReader().read(dir, report);
        assertEquals(OptionalLong.of(IMAGES), d.size());
        try (Stream<Item> items = d.items()) {
            Iterator<Item> it = items.iterator();
            assertEquals("img_0", it.next().id());
            assertEquals("img_1", it.next().id());
        }
    }
}
