package dev.annota.server;

import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed suggestion requests and listing filters, as the admin: each a 4xx problem JSON whose detail (or one of
 * its errors) names what is wrong. {@code {p}} is the project, {@code {image}} an image of it with suggestions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionMalformedRequestsTest {
    static final String S = "/images/{image}/suggestions";
    static final String LIST = "/projects/{p}/images?";

    /** what, method, path, body, status, text the detail (or errors) must contain. */
    static final Object[][] CASES = {
        {"a min_confidence that is not a number", "GET", S + "?min_confidence=high", null, 400, "high"},
        {"a min_confidence above 1", "GET", S + "?min_confidence=1.5", null, 400, "from 0 to 1"},
        {"predictions without a version", "PUT", S + "/yolo", "{\"annotations\":[]}", 400, "field 'version': required"},
        {"predictions without confidence", "PUT", S + "/yolo", "{\"version\":\"1\",\"annotations\":[{\"kind\":\"box\",\"label\":1,"
                + "\"box\":[1,1,2,2]}]}", 400, "/annotations/0/confidence"},
        {"predictions of an unknown class", "PUT", S + "/yolo", "{\"version\":\"1\",\"annotations\":[{\"kind\":\"box\",\"label\":7,"
                + "\"box\":[1,1,2,2],\"confidence\":0.5}]}", 400, "/annotations/0"},
        {"a model name with a space", "PUT", S + "/my%20model", "{\"version\":\"1\",\"annotations\":[]}", 400, "model name"},
        {"predictions that are not an array", "PUT", S + "/yolo", "{\"version\":\"1\",\"annotations\":{}}", 400, "expected an array"},
        {"an accept without a version", "POST", S + "/accept", "{\"ids\":[\"x\"]}", 400, "field 'version': required"},
        {"an accept naming nothing", "POST", S + "/accept", "{\"version\":0}", 400, "expected suggestion ids, or \\\"all\\\": true"},
        {"an accept of ids and all", "POST", S + "/accept", "{\"version\":0,\"ids\":[\"x\"],\"all\":true}", 400, "not both"},
        {"an accept of an unknown suggestion", "POST", S + "/accept", "{\"version\":0,\"ids\":[\"nope\"]}", 404, "no suggestion nope"},
        {"an accept with a negative version", "POST", S + "/accept", "{\"version\":-1,\"all\":true}", 400, "version >= 0"},
        {"an accept with min_confidence 2", "POST", S + "/accept", "{\"version\":0,\"all\":true,\"min_confidence\":2}", 400, "[0, 1]"},
        {"an edited annotation for all", "POST", S + "/accept", "{\"version\":0,\"all\":true,\"annotation\":{\"kind\":\"box\","
                + "\"label\":1,\"box\":[1,1,2,2]}}", 400, "only when accepting one suggestion"},
        {"a reject with an unknown field", "POST", S + "/reject", "{\"all\":true,\"everything\":1}", 400, "everything"},
        {"a reject as malformed JSON", "POST", S + "/reject", "{\"all\":", 400, "malformed JSON"},
        {"suggestions of an unknown image", "GET", "/images/nope/suggestions", null, 404, "no such image"},
        {"an unknown status", "GET", LIST + "status=finished", null, 400, "finished"},
        {"an unknown label", "GET", LIST + "label=triangle", null, 400, "triangle"},
        {"a label id not in the schema", "GET", LIST + "label=9", null, 400, "class of the project's schema"},
        {"an unknown annotator", "GET", LIST + "annotator=nobody", null, 400, "nobody"},
        {"a has_suggestions that is not boolean", "GET", LIST + "has_suggestions=yes", null, 400, "expected true or false"},
        {"a min_confidence that is not a number", "GET", LIST + "min_confidence=abc", null, 400, "abc"},
        {"a confidence range upside down", "GET", LIST + "min_confidence=0.8&max_confidence=0.2", null, 400, "max_confidence >= min"},
        {"a negative min_annotations", "GET", LIST + "min_annotations=-1", null, 400, "whole number of annotations"},
        {"an annotation range upside down", "GET", LIST + "min_annotations=3&max_annotations=1", null, 400, "max_annotations >= min"},
        {"an uncertainty cursor that was forged", "GET", LIST + "sort=uncertainty&cursor=dW5jZXJ0YWludHkKczp4CmE", null, 400, "cursor"},
        {"a created_at cursor with the uncertainty sort", "GET", LIST + "sort=uncertainty&cursor=Y3JlYXRlZF9hdAoxCmE", null, 400,
            "sorted by uncertainty"},
    };

    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);
    private final Map<Dialect, String> images = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : TestDatabases.dialects().toList()) {
            for (Object[] c : CASES) {
                out.add(Arguments.of(d, c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} -> {5}")
    @MethodSource("cases")
    void a_malformed_request_gets_a_4xx_problem_naming_the_field_and_value(Dialect dialect, String what, String method, String path,
                                                                           String body, int status, String says) {
        ImageFixture f = fixtures.computeIfAbsent(dialect, ImageFixture::new);
        String image = images.computeIfAbsent(dialect, d -> {
            String id = f.oneImage(0);
            SuggestionApiTest.put(f, id, "yolo", 0.9);
            return id;
        });
        String p = path.replace("{p}", f.project).replace("{image}", image);
        Http.Response r = f.http.get("admin").send(method, p, body == null ? null : "application/json", body);
        Problems.assertProblem(r, status, says, what);
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
