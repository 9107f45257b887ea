package dev.annota.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small HTTP client for the crash tests: JSON requests as one caller (an API token, or nobody), and multipart
 * uploads. A request the server never answers (it was killed) is an {@link IOException} for the caller to judge.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A status and the body parsed as JSON (missing when empty). */
    record Reply(int status, JsonNode json, String text) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI api;
    private final Optional<String> token;

    private ApiClient(URI api, Optional<String> token) {
        this.api = api;
        this.token = token;
    }

    /** Signs in as the admin and returns a client holding a new API token. */
    static ApiClient admin(URI api) {
        ApiClient anonymous = new ApiClient(api, Optional.empty());
        Map<String, String> login = Map.of("username", "admin", "password", ServerProcess.ADMIN_PASSWORD);
        try {
            Reply r = anonymous.send("POST", "/auth/login", "application/json", JSON.writeValueAsBytes(login), Optional.empty());
            check(r, 200);
            String cookie = r.json().path("_cookie").asText();
            Reply t = anonymous.send("POST", "/auth/tokens", "application/json", "{\"name\":\"crash test\"}".getBytes(StandardCharsets.UTF_8),
                    Optional.of(cookie));
            check(t, 201);
            return new ApiClient(api, Optional.of(t.json().get("token").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same caller against another server address (after a restart). */
    ApiClient at(URI newApi) {
        return new ApiClient(newApi, token);
    }

    Reply get(String path) throws IOException {
        return send("GET", path, null, null, Optional.empty());
    }

    Reply post(String path, String json) throws IOException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    Reply put(String path, String json) throws IOException {
        return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** A multipart upload of files (name → bytes) to {@code path}. */
    Reply upload(String path, Map<String, byte[]> files) throws IOException {
        String boundary = "crash-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), Optional.empty());
    }

    private Reply send(String method, String path, String contentType, byte[] body, Optional<String> cookie) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        cookie.ifPresent(c -> b.header("Cookie", c));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? MissingNode.getInstance() : parse(r.body());
            Optional<String> setCookie = r.headers().firstValue("Set-Cookie");
            if (setCookie.isPresent() && json.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_cookie", setCookie.get().split(";", 2)[0]);
            }
            return new Reply(r.statusCode(), json, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Fails with the reply's text unless it has {@code status}. */
    static Reply check(Reply r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + r.status() + ": " + r.text());
        }
        return r;
    }
}
