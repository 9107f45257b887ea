package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_with_json_prints_one_document_and_an_exact_round_trip() throws Exception {
        Path out = dir.resolve("demo");
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--out", out.toString(), "--images", "12", "--size", "200x150", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("round_trip_exact").asBoolean(), r.out());
        assertEquals(12, j.get("images").asInt());
        assertEquals("coco", j.get("detected_format").asText());
        assertEquals(j.get("annotations_written").asLong(), j.get("annotations_read").asLong());
        assertTrue(j.get("annotations_written").asLong() > 12, r.out());
        long objects = 0;
        for (JsonNode n : j.get("objects_by_class")) {
            objects += n.asLong();
        }
        assertEquals(objects, j.get("annotations_by_kind").get("keypoints").asLong(), "one keypoint set per object");
        assertTrue(Files.isRegularFile(out.resolve("annotations/instances_default.json")));
        assertTrue(Files.isRegularFile(out.resolve("images/default/shapes_000012.png")));
    }

    @Test
    void running_the_demo_twice_gives_the_same_dataset() throws Exception {
        Path out = dir.resolve("demo");
        CliBasicsTest.run("demo", "--out", out.toString(), "--images", "3", "--size", "64x64", "--json");
        byte[] first = Files.readAllBytes(out.resolve("annotations/instances_default.json"));
        CliBasicsTest.Run again = CliBasicsTest.run("demo", "--out", out.toString(), "--images", "3", "--size", "64x64", "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(new String(first), Files.readString(out.resolve("annotations/instances_default.json")));
    }

    @Test
    void refuses_a_folder_it_did_not_make_and_leaves_it_untouched() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(mine.resolve("thesis.txt"), "do not delete");
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--out", mine.toString(), "--images", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("precious") && r.err().contains("not made by the demo"), r.err());
        assertEquals("do not delete", Files.readString(mine.resolve("thesis.txt")));
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void a_bad_size_names_the_option_and_the_value() {
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--out", dir.resolve("d").toString(), "--size", "640by480");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size") && r.err().contains("640by480"), r.err());
    }

    @Test
    void too_many_images_is_bad_input() {
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--out", dir.resolve("d").toString(), "--images", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("images"), r.err());
    }
}
