package dev.annota.infer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.infer.Predictor;
import dev.annota.infer.SharedModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every client mistake is a 4xx problem JSON naming what was wrong — never a 500 — and the server keeps serving. */
class MalformedRequestsTest {
    static final long MAX_BYTES = 1 << 20;
    static final long MAX_PIXELS = 2_000_000;
    static Predictor squeezenet;
    static ModelServer server;

    @BeforeAll
    static void start() throws Exception {
        squeezenet = SharedModels.load("squeezenet1.1");
        server = ModelServer.start(squeezenet, ServeOptions.defaults().withPort(0).withLimits(MAX_BYTES, MAX_PIXELS));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            assertEquals(0, server.metrics().requests(ModelServer.PREDICT, 500), "no client mistake was a 500");
        }
        if (squeezenet != null) {
            squeezenet.close();
        }
    }

    /** A 3000x3000 PNG of one colour: a few kilobytes that decode to 9 M pixels. */
    static byte[] pixelBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3000, 3000, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg() throws Exception {
        return Files.readAllBytes(SharedModels.photo("opencv_squirrel.jpg"));
    }

    static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()).resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    static HttpRequest post(String pathAndQuery, String type, byte[] body) {
        HttpRequest.Builder b = at(pathAndQuery).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return type == null ? b.build() : b.header("Content-Type", type).build();
    }

    static Stream<Arguments> mistakes() throws Exception {
        byte[] text = "hello, this is not an image".getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = jpeg();
        return Stream.of(
                Arguments.of("not an image", post("/v1/predict", "application/octet-stream", text), 400, "not-an-image"),
                Arguments.of("a truncated JPEG", post("/v1/predict", "image/jpeg", Arrays.copyOf(jpeg, 200)), 400, "not-an-image"),
                Arguments.of("an empty body", post("/v1/predict", "image/png", new byte[0]), 400, "empty-body"),
                Arguments.of("a body over the size limit", post("/v1/predict", "image/jpeg", new byte[(int) MAX_BYTES + 1]), 413, "body-too-large"),
                Arguments.of("a decompression bomb", post("/v1/predict", "image/png", pixelBomb()), 413, "too-many-pixels"),
                Arguments.of("a JSON content type", post("/v1/predict", "application/json", jpeg), 415, "unsupported-media-type"),
                Arguments.of("no content type", post("/v1/predict", null, jpeg), 415, "unsupported-media-type"),
                Arguments.of("an unknown path", at("/v1/predikt").GET().build(), 404, "not-found"),
                Arguments.of("GET on the predict endpoint", at("/v1/predict").GET().build(), 405, "method-not-allowed"),
                Arguments.of("POST on /health", post("/health", "image/jpeg", jpeg), 405, "method-not-allowed"),
                Arguments.of("top=0", post("/v1/predict?top=0", "image/jpeg", jpeg), 400, "bad-parameter"),
                Arguments.of("top=abc", post("/v1/predict?top=abc", "image/jpeg", jpeg), 400, "bad-parameter"),
                Arguments.of("threshold=2", post("/v1/predict?threshold=2", "image/jpeg", jpeg), 400, "bad-parameter"),
                Arguments.of("an unknown query parameter", post("/v1/predict?treshold=0.5", "image/jpeg", jpeg), 400, "bad-parameter"),
                Arguments.of("multipart without a boundary", post("/v1/predict", "multipart/form-data", jpeg), 400, "malformed-multipart"),
                Arguments.of("multipart that never closes", post("/v1/predict", "multipart/form-data; boundary=abc",
                        "--abc\r\nContent-Type: image/jpeg\r\n\r\nxxxx".getBytes(StandardCharsets.UTF_8)), 400, "malformed-multipart"),
                Arguments.of("a multipart part that is text", post("/v1/predict", "multipart/form-data; boundary=abc",
                        HttpHelper.multipart("abc", List.of(Map.entry("notes.txt", text)), "text/plain")), 415, "unsupported-media-type"),
                Arguments.of("a multipart part that is not an image", post("/v1/predict", "multipart/form-data; boundary=abc",
                        HttpHelper.multipart("abc", List.of(Map.entry("a.jpg", jpeg), Map.entry("b.jpg", text)), "image/jpeg")), 400, "not-an-image"));
    }

    @ParameterizedTest(name = "{0} is a {2}")
    @MethodSource("mistakes")
    void a_client_mistake_is_a_4xx_problem_that_says_what_was_wrong(String what, HttpRequest request, int status, String kind)
            throws Exception {
        HttpHelper.Reply r = HttpHelper.send(request);
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        JsonNode p = r.json();
        assertEquals("/problems/" + kind, p.get("type").asText(), r.body());
        assertEquals(status, p.get("status").asInt());
        assertFalse(p.get("title").asText().isEmpty());
        assertFalse(p.get("detail").asText().isEmpty());
        if (status == 405) {
            assertTrue(r.raw().headers().firstValue("Allow").isPresent(), "405 says what is allowed");
        }
        // and the server still answers a good request afterwards
        assertEquals(200, HttpHelper.send(post("/v1/predict", "image/jpeg", jpeg())).status());
    }
}
