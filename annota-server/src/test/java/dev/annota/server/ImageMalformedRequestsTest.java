package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests to the image and annotation endpoints, as the admin: each a 4xx problem JSON whose detail
 * (or one of its errors) says what is wrong. {@code {p}} is the project, {@code {image}} a 160 x 120 image of
 * it; bodies starting with {@code MULTIPART:} are uploads (a text file named .png, 1.2 MiB over the 1 MiB
 * limit, or only a form field).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageMalformedRequestsTest {
    static final String JSON = "application/json";
    static final String ANN = "/images/{image}/annotations";

    /** what, method, path, content type, body, status, text the detail (or errors) must contain. */
    static final Object[][] CASES = {
        {"malformed JSON", "PUT", ANN, JSON, "{\"version\": 0, \"annotations\": [", 400, "malformed JSON"},
        {"annotations that are not an array", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":{}}", 400, "expected an array of annotations"},
        {"a box with three numbers", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":[{\"kind\":\"box\",\"label\":1,\"box\":[1,2,3]}]}", 400, "/annotations/0"},
        {"an unknown annotation kind", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":[{\"kind\":\"blob\",\"label\":1}]}", 400, "blob"},
        {"an unknown label", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":[{\"kind\":\"box\",\"label\":9,\"box\":[1,2,3,4]}]}", 400, "label"},
        {"a box outside the image", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":[{\"kind\":\"box\",\"label\":1,\"box\":[150,100,40,40]}]}", 400, "/annotations/0"},
        {"a version as text", "PUT", ANN, JSON, "{\"version\":\"0\",\"annotations\":[]}", 400, "expected a whole number"},
        {"a fractional version", "PUT", ANN, JSON, "{\"version\":1.5,\"annotations\":[]}", 400, "expected a whole number"},
        {"no version and no If-Match", "PUT", ANN, JSON, "{\"annotations\":[]}", 400, "If-Match"},
        {"a negative version", "PUT", ANN, JSON, "{\"version\":-1,\"annotations\":[]}", 400, "version >= 0"},
        {"an unknown field in a set", "PUT", ANN, JSON, "{\"version\":0,\"annotations\":[],\"note\":1}", 400, "unknown field"},
        {"an array as the set", "PUT", ANN, JSON, "[]", 400, "expected a JSON object"},
        {"a set as form data", "PUT", ANN, "application/x-www-form-urlencoded", "version=0", 415, "application/json"},
        {"a version that is not a number", "GET", ANN + "/versions/latest", null, null, 400, "whole-number version"},
        {"a version never saved", "GET", ANN + "/versions/42", null, null, 404, "no saved version 42"},
        {"a restore without expected_version", "POST", ANN + "/restore", JSON, "{\"version\":1}", 400, "field 'expected_version': required"},
        {"a restore of a version never saved", "POST", ANN + "/restore", JSON, "{\"version\":7,\"expected_version\":0}", 404, "no saved version 7"},
        {"a malformed Range", "GET", "/images/{image}/original", null, "Range: bytes=abc", 400, "malformed Range header"},
        {"a Range with its end before its start", "GET", "/images/{image}/original", null, "Range: bytes=50-10", 400, "before the first"},
        {"a Range past the end", "GET", "/images/{image}/original", null, "Range: bytes=99999999-", 416, "does not overlap the file"},
        {"an unknown image", "GET", "/images/no-such-image", null, null, 404, "no such image"},
        {"the annotations of an unknown image", "PUT", "/images/no-such-image/annotations", JSON, "{\"version\":0,\"annotations\":[]}", 404, "no such image"},
        {"an upload that is not multipart", "POST", "/projects/{p}/images", JSON, "{\"files\":[]}", 415, "multipart/form-data"},
        {"a text file as an image", "POST", "/projects/{p}/images", null, "MULTIPART:text", 400, "notes.png"},
        {"an upload over the limit", "POST", "/projects/{p}/images", null, "MULTIPART:big", 413, "larger than the limit of 1048576 bytes"},
        {"an upload without files", "POST", "/projects/{p}/images", null, "MULTIPART:none", 400, "at least one file"},
        {"an upload to an unknown project", "POST", "/projects/missing/images", null, "MULTIPART:none", 404, "no such project"},
        {"an import without a path", "POST", "/projects/{p}/images/import", JSON, "{}", 400, "field 'path': required"},
        {"an import outside the import root", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\"../../etc\"}", 400, "inside the import folder"},
        {"an import of a missing folder", "POST", "/projects/{p}/images/import", JSON, "{\"path\":\"nothing-here\"}", 400, "expected an existing folder or zip"},
        {"an import path as a number", "POST", "/projects/{p}/images/import", JSON, "{\"path\":5}", 400, "expected a string"},
        {"a listing with an unknown parameter", "GET", "/projects/{p}/images?has_annotation=true", null, null, 400, "unknown query parameter"},
        {"a listing with an unknown sort", "GET", "/projects/{p}/images?sort=colour", null, null, 400, "expected created_at, file_name"},
        {"a listing with a non-boolean filter", "GET", "/projects/{p}/images?near_duplicate=maybe", null, null, 400, "expected true or false"},
        {"a listing with a forged cursor", "GET", "/projects/{p}/images?cursor=bm9wZQ", null, null, 400, "cursor"},
        {"a listing with a limit of 0", "GET", "/projects/{p}/images?limit=0", null, null, 400, "from 1 to 1000"},
        {"a listing with an empty metadata key", "GET", "/projects/{p}/images?meta.=x", null, null, 400, "non-empty KEY"},
    };

    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);
    private final Map<Dialect, String> images = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    @ParameterizedTest(name = "{0}: {1} -> {6}")
    @MethodSource("cases")
    void a_malformed_request_gets_a_4xx_problem_with_a_clear_detail(Dialect dialect, String what, String method, String path,
                                                                     String contentType, String body, int status, String says) {
        ImageFixture f = fixtures.computeIfAbsent(dialect, ImageFixture::new);
        String image = images.computeIfAbsent(dialect, d -> f.oneImage(0));
        String p = path.replace("{p}", f.project).replace("{image}", image);
        Binary admin = f.binary.get("admin");
        Binary.Response r;
        if (body != null && body.startsWith("MULTIPART:")) {
            List<Binary.Part> parts = switch (body.substring("MULTIPART:".length())) {
                case "text" -> List.of(Binary.Part.file("notes.png", "just some notes".getBytes(StandardCharsets.UTF_8)));
                case "big" -> List.of(Binary.Part.file("big.png", new byte[(int) (ImageFixture.UPLOAD_LIMIT * 6 / 5)]));
                default -> List.of(Binary.Part.field("split", "train"));
            };
            r = admin.upload(p, parts);
        } else if (body != null && body.startsWith("Range: ")) {
            r = admin.get(p, "Range", body.substring("Range: ".length()));
        } else {
            List<String> headers = contentType == null ? List.of() : List.of("Content-Type", contentType);
            r = admin.send(method, p, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(status, r.status(), what + ": " + r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().startsWith("/problems/"), problem.toString());
        String detail = problem.get("detail").asText() + " " + problem.get("errors");
        assertTrue(detail.contains(says), what + ": expected the detail to say '" + says + "', got " + problem);
        assertFalse(r.text().contains("at dev.annota") || r.text().contains("Exception"), "no stack trace: " + r.text());
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
