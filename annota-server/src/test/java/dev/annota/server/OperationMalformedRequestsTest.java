package dev.annota.server;

import dev.annota.store.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests to the export and operation endpoints, as the admin: each a 4xx problem JSON whose detail
 * (or one of its errors) names what is wrong. {@code {p}} is the project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationMalformedRequestsTest {
    static final String JSON = "application/json";
    static final String EXPORTS = "/projects/{p}/exports";

    /** what, method, path, content type, body, status, text the detail (or errors) must contain. */
    static final Object[][] CASES = {
        {"an export without a format", "POST", EXPORTS, JSON, "{}", 400, "field 'format': required"},
        {"an unknown format", "POST", EXPORTS, JSON, "{\"format\":\"png\"}", 400, "writable formats: coco"},
        {"a format that cannot be written", "POST", EXPORTS, JSON, "{\"format\":\"coco_results\"}", 400, "a format that can be written"},
        {"a format as a number", "POST", EXPORTS, JSON, "{\"format\":5}", 400, "expected a string"},
        {"include_images as text", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"include_images\":\"yes\"}", 400, "expected true or false"},
        {"a filter that is not an object", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":\"train\"}", 400, "expected an object of filters"},
        {"an unknown filter field", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":{\"spilt\":\"train\"}}", 400, "unknown filter field"},
        {"a filter boolean that is not one", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":{\"has_annotations\":\"maybe\"}}", 400, "expected true or false"},
        {"a blank split filter", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":{\"split\":\" \"}}", 400, "non-blank split"},
        {"a filter field holding an array", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":{\"split\":[\"a\"]}}", 400, "/filter/split"},
        {"an empty metadata filter key", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"filter\":{\"meta.\":\"x\"}}", 400, "non-empty KEY"},
        {"a filter in the body and the query", "POST", EXPORTS + "?split=train", JSON, "{\"format\":\"coco\",\"filter\":{\"split\":\"val\"}}", 400, "not both"},
        {"an unknown query filter", "POST", EXPORTS + "?colour=red", JSON, "{\"format\":\"coco\"}", 400, "unknown query parameter"},
        {"an unknown field in an export", "POST", EXPORTS, JSON, "{\"format\":\"coco\",\"zip\":true}", 400, "unknown field"},
        {"an export as form data", "POST", EXPORTS, "application/x-www-form-urlencoded", "format=coco", 415, "application/json"},
        {"an export with malformed JSON", "POST", EXPORTS, JSON, "{\"format\":", 400, "malformed JSON"},
        {"an export of an unknown project", "POST", "/projects/missing/exports", JSON, "{\"format\":\"coco\"}", 404, "no such project"},
        {"an unknown operation", "GET", "/operations/no-such-operation", null, null, 404, "no such operation"},
        {"the events of an unknown operation", "GET", "/operations/no-such-operation/events", null, null, 404, "no such operation"},
        {"cancelling an unknown operation", "POST", "/operations/no-such-operation/cancel", JSON, "{}", 404, "no such operation"},
        {"the result of an unknown operation", "GET", "/operations/no-such-operation/result", null, null, 404, "no such operation"},
        {"a listing limit of 0", "GET", "/projects/{p}/operations?limit=0", null, null, 400, "from 1 to 500"},
        {"the operations of an unknown project", "GET", "/projects/missing/operations", null, null, 404, "no such project"},
        {"an async import of an unreadable format", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\".\",\"format\":\"masks2\",\"async\":true}", 400, "readable formats"},
        {"an async import of a missing folder", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\"nothing-here\",\"async\":true}", 400, "expected an existing folder or zip"},
        {"an async import outside the root", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\"../..\",\"async\":true}", 400, "inside the import folder"},
        {"async as text", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\".\",\"async\":\"yes\"}", 400, "expected true or false"},
    };

    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    @ParameterizedTest(name = "{0}: {1} -> {6}")
    @MethodSource("cases")
    void a_malformed_request_gets_a_4xx_problem_with_a_clear_detail(Dialect dialect, String what, String method, String path,
                                                                     String contentType, String body, int status, String says) {
        ImageFixture f = fixtures.computeIfAbsent(dialect, ImageFixture::new);
        Http.Response r = f.http.get("admin").send(method, path.replace("{p}", f.project), contentType, body);
        Problems.assertProblem(r, what, status, says);
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
