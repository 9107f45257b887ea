package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model, assist and prelabel endpoint called by each kind of caller: admins register; signed-in users list,
 * read and predict on bytes; members predict on their images and use the assisted tools (storing auto-box results
 * needs manager or annotator); managers link and pre-label; outsiders get 403 and anonymous callers 401.
 */
class ModelPermissionsTest {
    /** method and path, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"GET /models", null, 200, 200, 200, 200, 200, 401},
        {"GET /models/{yolo}", null, 200, 200, 200, 200, 200, 401},
        {"POST /models", "{}", 415, 403, 403, 403, 403, 401},
        {"POST /projects/{p}/models", "{\"model_id\":\"{yolo}\"}", 201, 201, 403, 403, 403, 401},
        {"GET /projects/{p}/models", null, 200, 200, 200, 200, 403, 401},
        {"POST /models/{squeeze}/predict", "{\"image_id\":\"{image}\"}", 200, 200, 200, 200, 403, 401},
        {"POST /images/{image}/assist/auto-tag", "{\"model_id\":\"{squeeze}\",\"top_k\":2}", 200, 200, 200, 200, 403, 401},
        {"POST /images/{image}/assist/auto-box", "{\"model_id\":\"{yolo}\"}", 200, 200, 200, 200, 403, 401},
        {"POST /images/{image}/assist/auto-box", "{\"model_id\":\"{yolo}\",\"store\":true}", 200, 200, 200, 403, 403, 401},
        {"POST /projects/{p}/prelabel", "{\"model_id\":\"{yolo}\",\"filter\":{\"split\":\"none-such\"}}", 202, 202, 403, 403, 403, 401},
        {"DELETE /projects/{p}/models/{squeeze}", null, 204, 404, 403, 403, 403, 401},
    };

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void each_role_gets_the_expected_status_on_every_model_endpoint(Dialect dialect) {
        try (ModelApiFixture m = new ModelApiFixture(dialect)) {
            String yolo = m.register("yolox-nano", "yolox_nano.onnx", "yolo").get("id").asText();
            String squeeze = m.register("squeezenet1.1", "squeezenet1.1-fp32.onnx", "squeezenet").get("id").asText();
            assertEquals(201, m.admin().post("/projects/" + m.f.project + "/models", "{\"model_id\":\"" + squeeze + "\"}").status());
            String image = m.f.oneImage(1);
            for (Object[] row : MATRIX) {
                String[] endpoint = ((String) row[0]).split(" ", 2);
                for (int c = 0; c < ImageFixture.CALLERS.size(); c++) {
                    String caller = ImageFixture.CALLERS.get(c);
                    String path = fill(endpoint[1], m, yolo, squeeze, image);
                    String body = row[1] == null ? null : fill((String) row[1], m, yolo, squeeze, image);
                    Http.Response r = m.f.http.get(caller).send(endpoint[0], path, body == null ? null : "application/json", body);
                    assertEquals((int) row[2 + c], r.status(), caller + " " + row[0] + ": " + r.text());
                }
            }
        }
    }

    private static String fill(String s, ModelApiFixture m, String yolo, String squeeze, String image) {
        return s.replace("{p}", m.f.project).replace("{yolo}", yolo).replace("{squeeze}", squeeze).replace("{image}", image);
    }
}
