package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    static String shared(String relative) {
        Optional<Path> p = SharedData.resolve(relative);
        Assumptions.assumeTrue(p.isPresent(), "shared/" + relative + " is absent: the real-model CLI test is skipped");
        return p.get().toString();
    }

    @Test
    void predict_json_prints_one_document_with_the_classes_of_each_image() throws IOException {
        String cat = shared("images/photos/chelsea_cat.png");
        String squirrel = shared("images/photos/opencv_squirrel.jpg");
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", shared("models/squeezenet1.1"), "--top", "3", "--json", cat, squirrel);
        assertEquals(0, r.code(), r.err());
        JsonNode json = MAPPER.readTree(r.out());
        assertEquals(2, json.get("results").size());
        JsonNode second = json.get("results").get(1);
        assertEquals(squirrel, second.get("image").asText());
        assertEquals(3, second.get("classes").size());
        assertTrue(second.get("classes").get(0).get("label").asText().startsWith("fox squirrel"), r.out());
        assertEquals(0.9955, second.get("classes").get(0).get("score").asDouble(), 0.005);
        assertEquals(0, second.get("detections").size());
    }

    @Test
    void predict_json_gives_detections_with_xywh_boxes_in_original_pixels() throws IOException {
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", shared("models/yolox-nano"), "--threshold", "0.5", "--json",
                shared("images/photos/darknet_dog_bicycle_truck.jpg"));
        assertEquals(0, r.code(), r.err());
        JsonNode dets = MAPPER.readTree(r.out()).get("results").get(0).get("detections");
        assertEquals(3, dets.size(), r.out());
        JsonNode dog = dets.get(0);
        assertEquals("dog", dog.get("label").asText());
        double[] expected = {133, 207, 192, 336};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], dog.get("bbox").get(i).asDouble(), 3, r.out());
        }
    }

    @Test
    void human_output_lists_the_boxes_per_image() {
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", shared("models/ultraface-rfb-320"),
                shared("images/photos/grace_hopper.jpg"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("grace_hopper.jpg (512x600)"), r.out());
        assertTrue(r.out().contains("face"), r.out());
    }

    @Test
    void a_missing_image_is_bad_input_in_one_line() {
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", tmp.toString(), tmp.resolve("nope.jpg").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.jpg: no such file"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void a_bad_model_descriptor_is_bad_input_naming_file_pointer_and_value() throws IOException {
        Path img = tmp.resolve("x.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", img.toFile());
        Files.write(tmp.resolve("m.onnx"), new byte[] {0});
        Files.writeString(tmp.resolve("model.json"), """
                {"task": "classification", "model": "m.onnx", "labels": ["a"],
                 "input": {"width": 224, "height": 224, "layout": "CHWN"},
                 "output": {"decoder": "classifier", "name": "out"}}
                """);
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", tmp.toString(), "--json", img.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("model.json#/input/layout: field 'layout'") && r.err().contains("\"CHWN\""), r.err());
        assertEquals("", r.out());
    }

    @Test
    void a_file_that_is_not_a_model_is_bad_input() throws IOException {
        Path img = tmp.resolve("x.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", img.toFile());
        Path onnx = tmp.resolve("yolox_nano.onnx");
        Files.writeString(onnx, "garbage");
        Files.writeString(tmp.resolve("coco80_labels.txt"), "person\n");
        CliBasicsTest.Run r = CliBasicsTest.run("predict", "--model", onnx.toString(), img.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not a loadable ONNX model"), r.err());
        assertTrue(!r.err().contains("at dev.annota"), r.err());
    }
}
