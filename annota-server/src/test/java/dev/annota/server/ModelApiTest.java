package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The model registry, links, predictions, assisted tools and pre-labelling over HTTP, with the real models and photos. */
class ModelApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void registers_links_and_predicts_in_the_shape_of_annota_predict(Dialect dialect) throws Exception {
        try (ModelApiFixture m = new ModelApiFixture(dialect)) {
            JsonNode model = m.register("yolox-nano", "yolox_nano.onnx", "yolo");
            String id = model.get("id").asText();
            assertEquals("detection", model.get("task").asText());
            assertEquals(80, model.get("labels").size());
            assertEquals(1, m.admin().get("/models").json().get("models").size());
            assertEquals("yolo", m.admin().get("/models/" + id).json().get("name").asText());

            Http.Response link = m.admin().post("/projects/" + m.f.project + "/models",
                    "{\"model_id\":\"" + id + "\",\"label_map\":{\"dog\":\"circle\",\"bicycle\":2}}");
            assertEquals(201, link.status(), link.text());
            assertEquals(2, link.json().get("mapped").size());
            assertEquals(78, link.json().get("unmapped_count").asInt());
            assertTrue(link.json().get("unmapped").toString().contains("\"car\""), "car is reported as dropped");

            String darknet = m.photo("darknet_dog_bicycle_truck.jpg");
            JsonNode byId = m.admin().post("/models/" + id + "/predict", "{\"image_id\":\"" + darknet + "\"}").json();
            JsonNode result = byId.get("results").get(0);
            assertEquals(darknet, result.get("image").asText());
            assertEquals(0, result.get("classes").size());
            assertEquals("dog", result.get("detections").get(0).get("label").asText());
            assertEquals(4, result.get("detections").get(0).get("bbox").size());

            // the request limit of the test server is 64 KiB: a small PNG as bytes, and the same image by id
            byte[] bytes = m.f.png(3);
            String shape = m.f.oneImage(3);
            Binary.Response raw = m.f.binary.get("annotator").send("POST", "/models/" + id + "/predict?name=s.png",
                    List.of("Content-Type", "image/png"), bytes);
            assertEquals(200, raw.status(), raw.text());
            assertEquals("s.png", raw.json().get("results").get(0).get("image").asText());
            JsonNode sameById = m.f.http.get("annotator").post("/models/" + id + "/predict", "{\"image_id\":\"" + shape + "\"}").json();
            assertEquals(sameById.get("results").get(0).get("detections"), raw.json().get("results").get(0).get("detections"),
                    "same answer for bytes and id");

            assertEquals(1, m.admin().get("/projects/" + m.f.project + "/models").json().get("links").size());
            assertEquals(204, m.admin().delete("/projects/" + m.f.project + "/models/" + id).status());
            assertEquals(404, m.admin().delete("/projects/" + m.f.project + "/models/" + id).status());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void assisted_tools_box_the_dog_mask_the_pineapple_and_tag_the_squirrel(Dialect dialect) {
        try (ModelApiFixture m = new ModelApiFixture(dialect)) {
            String yolo = m.register("yolox-nano", "yolox_nano.onnx", "yolo").get("id").asText();
            String u2 = m.register("u2netp", "u2netp.onnx", "u2netp").get("id").asText();
            String squeeze = m.register("squeezenet1.1", "squeezenet1.1-fp32.onnx", "squeezenet").get("id").asText();
            Http annotator = m.f.http.get("annotator");

            JsonNode boxes = annotator.post("/images/" + m.photo("darknet_dog_bicycle_truck.jpg") + "/assist/auto-box",
                    "{\"model_id\":\"" + yolo + "\",\"threshold\":0.5}").json();
            Set<String> labels = new HashSet<>();
            boxes.get("boxes").forEach(b -> labels.add(b.get("label").asText()));
            assertEquals(Set.of("dog", "bicycle", "car"), labels, boxes.toString());
            assertEquals(0, boxes.get("stored").asInt());

            Http.Response mask = annotator.post("/images/" + m.photo("pineapple.png") + "/assist/click-to-mask",
                    "{\"model_id\":\"" + u2 + "\",\"box\":[180,80,400,650]}");
            assertEquals(200, mask.status(), mask.text());
            JsonNode bbox = mask.json().get("bbox");
            // MODEL.md: the pineapple is x 226, y 120, w 295, h 557 in the 744x850 photo
            assertEquals(226, bbox.get(0).asDouble(), 25, mask.text());
            assertEquals(120, bbox.get(1).asDouble(), 25);
            assertEquals(295, bbox.get(2).asDouble(), 40);
            assertEquals(557, bbox.get(3).asDouble(), 40);
            assertTrue(mask.json().get("area").asLong() > 0.6 * 295 * 557 * 0.6, "the mask covers the pineapple: " + mask.json().get("area"));
            assertEquals(List.of(850, 744), List.of(mask.json().get("mask").get("size").get(0).asInt(), mask.json().get("mask").get("size").get(1).asInt()));
            assertTrue(mask.json().get("polygon").size() >= 1 && mask.json().get("polygon").get(0).size() >= 8);

            JsonNode tags = annotator.post("/images/" + m.photo("opencv_squirrel.jpg") + "/assist/auto-tag",
                    "{\"model_id\":\"" + squeeze + "\",\"top_k\":3}").json();
            assertEquals(3, tags.get("tags").size());
            assertTrue(tags.get("tags").get(0).get("label").asText().startsWith("fox squirrel"), tags.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void prelabels_a_project_as_an_operation_and_skips_what_is_done_when_run_again(Dialect dialect) throws Exception {
        try (ModelApiFixture m = new ModelApiFixture(dialect)) {
            String yolo = m.register("yolox-nano", "yolox_nano.onnx", "yolo").get("id").asText();
            assertEquals(201, m.admin().post("/projects/" + m.f.project + "/models", "{\"model_id\":\"" + yolo
                    + "\",\"label_map\":{\"dog\":\"circle\",\"bicycle\":\"square\"}}").status());
            String darknet = m.photo("darknet_dog_bicycle_truck.jpg");
            List<String> others = new ArrayList<>();
            others.add(m.photo("opencv_squirrel.jpg"));
            Http manager = m.f.http.get("manager");
            JsonNode op = await(manager, manager.post("/projects/" + m.f.project + "/prelabel", "{\"model_id\":\"" + yolo
                    + "\",\"threshold\":0.5}"));
            assertEquals("succeeded", op.get("state").asText(), op.toString());
            JsonNode s = manager.get("/images/" + darknet + "/suggestions").json().get("suggestions");
            assertEquals(2, s.size(), "the dog and the bicycle (car maps to nothing): " + s);
            assertEquals("yolo", s.get(0).get("model").asText());
            JsonNode again = await(manager, manager.post("/projects/" + m.f.project + "/prelabel?split=default", "{\"model_id\":\"" + yolo + "\"}"));
            assertTrue(again.get("message").asText().startsWith("0 images"), again.toString());
        }
    }

    static JsonNode await(Http http, Http.Response started) throws InterruptedException {
        assertEquals(202, started.status(), started.text());
        String id = started.json().get("id").asText();
        long end = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode op = http.get("/operations/" + id).json();
            String state = op.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return op;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("operation " + id + " did not finish");
    }
}
