package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {
    @TempDir
    Path dir;

    static JsonNode json(CliBasicsTest.Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    Path demo() {
        Path out = dir.resolve("demo");
        assertEquals(0, CliBasicsTest.run("demo", "--headless", "--out", out.toString(), "--images", "6", "--size", "120x90", "--json").code());
        return out;
    }

    @Test
    void inspect_json_has_exactly_the_documented_shape() throws Exception {
        Optional<Path> sample = SharedData.resolve("reference/formats/coco/instances_datumaro/data");
        assumeTrue(sample.isPresent(), "the shared reference folder is absent");
        JsonNode j = json(CliBasicsTest.run("inspect", sample.get().toString(), "--json"));
        assertEquals("coco", j.get("format").asText());
        assertEquals(2, j.get("images").asInt());
        assertEquals("[\"a\",\"b\",\"c\"]", j.get("labels").toString());
        assertEquals(1, j.get("annotations").get("bbox").asInt());
        assertEquals(1, j.get("annotations").get("polygon").asInt());
        assertEquals(1, j.get("annotations").get("mask").asInt());
        assertTrue(j.get("warnings").isArray());
    }

    @Test
    void converts_to_a_zip_that_inspects_the_same() throws Exception {
        Path demo = demo();
        JsonNode before = json(CliBasicsTest.run("inspect", demo.toString(), "--json"));
        Path zip = dir.resolve("copy.zip");
        JsonNode conv = json(CliBasicsTest.run("convert", "--to", "coco", demo.toString(), zip.toString(), "--json"));
        assertEquals("coco", conv.get("from").asText());
        assertEquals(before.get("annotations"), conv.get("annotations"));
        assertTrue(Files.isRegularFile(zip));
        JsonNode after = json(CliBasicsTest.run("inspect", zip.toString(), "--json"));
        assertEquals(before.get("images"), after.get("images"));
        assertEquals(before.get("annotations"), after.get("annotations"));
        assertEquals(before.get("labels"), after.get("labels"));
    }

    @Test
    void convert_never_overwrites_an_existing_output() throws Exception {
        Path demo = demo();
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliBasicsTest.Run r = CliBasicsTest.run("convert", "--to", "coco", demo.toString(), out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("taken") && r.err().contains("nothing was changed"), r.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void a_zip_slip_archive_is_refused_with_exit_code_2() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip.toFile())) {
            out.putArchiveEntry(new ZipArchiveEntry("../../escape.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        CliBasicsTest.Run r = CliBasicsTest.run("inspect", zip.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("zip-slip") && r.err().contains("../../escape.json"), r.err());
        assertFalse(Files.exists(dir.resolve("../escape.json").normalize()));
    }

    @Test
    void bad_options_name_themselves() {
        CliBasicsTest.Run policy = CliBasicsTest.run("inspect", dir.toString(), "--on-error", "ignore");
        assertEquals(2, policy.code());
        assertTrue(policy.err().contains("--on-error") && policy.err().contains("ignore"), policy.err());
        CliBasicsTest.Run target = CliBasicsTest.run("convert", "--to", "nosuch", dir.toString(), dir.resolve("o").toString());
        assertEquals(2, target.code());
        assertTrue(target.err().contains("nosuch") && target.err().contains("coco"), target.err());
        CliBasicsTest.Run missing = CliBasicsTest.run("inspect", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope") && missing.err().contains("no such file"), missing.err());
    }

    @Test
    void formats_lists_coco_as_readable_and_writable() throws Exception {
        JsonNode j = json(CliBasicsTest.run("formats", "--json"));
        boolean found = false;
        for (JsonNode f : j) {
            if (f.get("name").asText().equals("coco")) {
                found = f.get("read").asBoolean() && f.get("write").asBoolean();
            }
        }
        assertTrue(found, j.toString());
    }
}
