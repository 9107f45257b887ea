package dev.annota.server;

import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed model, assist and prelabel requests, as the admin: each a 4xx problem JSON whose detail (or one of its
 * errors) names the field and the value. {@code {p}} is the project, {@code {image}} a 160x120 image of it,
 * {@code {yolo}} a detector linked to the project and {@code {squeeze}} a classifier that is not linked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelMalformedRequestsTest {
    static final String LINK = "/projects/{p}/models";
    static final String ASSIST = "/images/{image}/assist/";

    /** what, method, path, body, status, text the detail (or errors) must contain. */
    static final Object[][] CASES = {
        {"a link without model_id", "POST", LINK, "{\"label_map\":{}}", 400, "model_id"},
        {"a link to an unknown model", "POST", LINK, "{\"model_id\":\"nope\"}", 404, "model nope: no such model"},
        {"a mapping of a label the model lacks", "POST", LINK, "{\"model_id\":\"{yolo}\",\"label_map\":{\"unicorn\":\"circle\"}}", 400, "unicorn"},
        {"a mapping to a class the project lacks", "POST", LINK, "{\"model_id\":\"{yolo}\",\"label_map\":{\"dog\":\"triangle\"}}", 400, "triangle"},
        {"a mapping that is not an object", "POST", LINK, "{\"model_id\":\"{yolo}\",\"label_map\":[\"dog\"]}", 400, "label_map"},
        {"a mapping to a list", "POST", LINK, "{\"model_id\":\"{yolo}\",\"label_map\":{\"dog\":[1]}}", 400, "label_map.dog"},
        {"an unlink of a model not linked", "DELETE", LINK + "/{squeeze}", null, 404, "is not linked"},
        {"a predict without image_id", "POST", "/models/{yolo}/predict", "{}", 400, "image_id"},
        {"a predict on bytes that are no image", "POST", "/models/{yolo}/predict", "BYTES:not an image", 400, "not a readable image"},
        {"a predict on an empty body", "POST", "/models/{yolo}/predict", "BYTES:", 400, "0 bytes"},
        {"a predict with an unknown model", "POST", "/models/nope/predict", "{\"image_id\":\"{image}\"}", 404, "no such model"},
        {"a predict on an unknown image", "POST", "/models/{yolo}/predict", "{\"image_id\":\"nope\"}", 404, "image nope"},
        {"an auto-box with a classifier", "POST", ASSIST + "auto-box", "{\"model_id\":\"{squeeze}\"}", 400, "a detection model"},
        {"an auto-box threshold above 1", "POST", ASSIST + "auto-box", "{\"model_id\":\"{yolo}\",\"threshold\":1.5}", 400, "1.5"},
        {"an auto-box of a classifier, stored", "POST", ASSIST + "auto-box", "{\"model_id\":\"{squeeze2}\",\"store\":true}", 400, "a detection model"},
        {"a click-to-mask box of three numbers", "POST", ASSIST + "click-to-mask", "{\"model_id\":\"{yolo}\",\"box\":[1,2,3]}", 400, "[1.0, 2.0, 3.0]"},
        {"a click-to-mask box outside the image", "POST", ASSIST + "click-to-mask", "{\"model_id\":\"{u2}\",\"box\":[500,500,20,20]}", 400, "inside the image"},
        {"a click-to-mask with a detector", "POST", ASSIST + "click-to-mask", "{\"model_id\":\"{yolo}\",\"box\":[1,2,30,40]}", 400, "a segmentation model"},
        {"an auto-tag with top_k 0", "POST", ASSIST + "auto-tag", "{\"model_id\":\"{squeeze}\",\"top_k\":0}", 400, "top_k"},
        {"an auto-tag with a detector", "POST", ASSIST + "auto-tag", "{\"model_id\":\"{yolo}\"}", 400, "classification"},
        {"an auto-tag with an unknown field", "POST", ASSIST + "auto-tag", "{\"model_id\":\"{squeeze}\",\"k\":3}", 400, "k"},
        {"a prelabel threshold of 2", "POST", "/projects/{p}/prelabel", "{\"model_id\":\"{yolo}\",\"threshold\":2}", 400, "threshold"},
        {"a prelabel of max_detections 0", "POST", "/projects/{p}/prelabel", "{\"model_id\":\"{yolo}\",\"max_detections\":0}", 400, "max_detections"},
        {"a prelabel with a model not linked", "POST", "/projects/{p}/prelabel", "{\"model_id\":\"{squeeze}\"}", 404, "is not linked"},
        {"a prelabel with an unknown filter", "POST", "/projects/{p}/prelabel", "{\"model_id\":\"{yolo}\",\"filter\":{\"colour\":\"red\"}}", 400, "colour"},
        {"a prelabel filter in body and query", "POST", "/projects/{p}/prelabel?split=a", "{\"model_id\":\"{yolo}\",\"filter\":{\"split\":\"b\"}}", 400, "not both"},
        {"a model registration that is not multipart", "POST", "/models", "{}", 415, "multipart/form-data"},
    };

    private final Map<Dialect, ModelApiFixture> fixtures = new EnumMap<>(Dialect.class);
    private final Map<Dialect, Map<String, String>> ids = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    private synchronized ModelApiFixture fixture(Dialect d) {
        return fixtures.computeIfAbsent(d, x -> {
            ModelApiFixture m = new ModelApiFixture(x);
            String yolo = m.register("yolox-nano", "yolox_nano.onnx", "yolo").get("id").asText();
            String squeeze = m.register("squeezenet1.1", "squeezenet1.1-fp32.onnx", "squeezenet").get("id").asText();
            String u2 = m.register("u2netp", "u2netp.onnx", "u2netp").get("id").asText();
            m.admin().post("/projects/" + m.f.project + "/models", "{\"model_id\":\"" + yolo + "\"}");
            ids.put(x, Map.of("{yolo}", yolo, "{squeeze}", squeeze, "{squeeze2}", squeeze, "{u2}", u2, "{image}", m.f.oneImage(2),
                    "{p}", m.f.project));
            return m;
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void answers_a_malformed_request_with_a_problem_naming_it(Dialect dialect, String what, String method, String path, String body,
                                                              int status, String says) {
        ModelApiFixture m = fixture(dialect);
        String p = path;
        String b = body;
        for (Map.Entry<String, String> e : ids.get(dialect).entrySet()) {
            p = p.replace(e.getKey(), e.getValue());
            b = b == null ? null : b.replace(e.getKey(), e.getValue());
        }
        Http.Response r;
        if (b != null && b.startsWith("BYTES:")) {
            Binary.Response raw = m.f.binary.get("admin").send(method, p, List.of("Content-Type", "image/jpeg"), b.substring(6).getBytes());
            r = new Http.Response(raw.status(), raw.headers(), raw.text());
        } else {
            r = m.admin().send(method, p, b == null ? null : "application/json", b);
        }
        Problems.assertProblem(r, what, status, says);
    }

    @AfterAll
    void close() {
        fixtures.values().forEach(ModelApiFixture::close);
    }
}
