package dev.annota.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatRegistryTest {
    @TempDir
    Path dir;

    static DatasetFormat fake(String name, double confidence) {
        return new DatasetFormat() {
            public String name() {
                return name;
            }

            public String version() {
                return "1";
            }

            public String description() {
                return name;
            }

            public FormatDetector detector() {
                return p -> confidence;
            }

            public Optional<DatasetReader> reader() {
                return Optional.empty();
            }

            public Optional<DatasetWriter> writer() {
                return Optional.empty();
            }
        };
    }

    @Test
    void detects_a_coco_file_and_a_coco_folder() throws IOException {
        Path ann = Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(ann.resolve("instances_train.json"), "{\"images\":[],\"annotations\":[],\"categories\":[]}");
        assertEquals("coco", Formats.standard().detect(dir).format().name());
        assertEquals("coco", Formats.standard().detect(ann.resolve("instances_train.json")).format().name());
    }

    @Test
    void a_folder_of_nothing_known_is_an_error_that_lists_the_formats() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        AnnotaException e = assertThrows(AnnotaException.class, () -> Formats.standard().detect(dir));
        assertTrue(e.getMessage().contains("no known dataset format") && e.getMessage().contains("coco"), e.getMessage());
    }

    @Test
    void malformed_json_is_not_detected_as_coco() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"images\": [ ");
        assertEquals(0, Formats.standard().detectAll(f).size());
    }

    @Test
    void two_formats_equally_sure_are_ambiguous_and_both_are_named() {
        FormatRegistry r = FormatRegistry.builder().add(fake("one", 0.9)).add(fake("two", 0.85)).build();
        AnnotaException e = assertThrows(AnnotaException.class, () -> r.detect(dir));
        assertTrue(e.getMessage().contains("one (0.90)") && e.getMessage().contains("two (0.85)")
                && e.getMessage().contains("--format"), e.getMessage());
    }

    @Test
    void a_missing_path_is_reported_as_missing() {
        assertThrows(NoSuchFileException.class, () -> Formats.standard().detect(dir.resolve("nope")));
    }

    @Test
    void an_unknown_format_name_lists_the_known_ones() {
        AnnotaException e = assertThrows(AnnotaException.class, () -> Formats.standard().get("yolo9000"));
        assertTrue(e.getMessage().contains("coco"), e.getMessage());
    }
}
