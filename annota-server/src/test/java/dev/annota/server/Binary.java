package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Binary requests for the image tests, beside {@link Http}: multipart uploads and downloads whose bytes are
 * compared exactly, as a signed-in caller (by session cookie) with any extra headers.
 */
final class Binary {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response with its body as bytes. */
    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** One part of a multipart body: a file when {@code fileName} is set, else a plain field. */
    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part file(String fileName, byte[] content) {
            return new Part("files", fileName, "application/octet-stream", content);
        }

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final URI base;
    private final String cookie;

    private Binary(URI base, String cookie) {
        this.base = base;
        this.cookie = cookie;
    }

    /** Signs in as {@code username} (an empty name: nobody). */
    static Binary login(TestServer t, String username, String password) {
        if (username.isEmpty()) {
            return new Binary(t.server.apiUrl(), null);
        }
        Http.Response r = t.anonymous().post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.status(), r.text());
        return new Binary(t.server.apiUrl(), r.header("Set-Cookie").orElseThrow().split(";", 2)[0]);
    }

    Response upload(String path, List<Part> parts) {
        String boundary = "annota-" + UUID.randomUUID();
        return send("POST", path, List.of("Content-Type", "multipart/form-data; boundary=" + boundary), multipart(boundary, parts));
    }

    /** A GET with extra headers as name, value pairs. */
    Response get(String path, String... headers) {
        return send("GET", path, List.of(headers), null);
    }

    Response send(String method, String path, List<String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] multipart(String boundary, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> chunks = new ArrayList<>();
        for (Part p : parts) {
            StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.fileName() != null) {
                h.append("; filename=\"").append(p.fileName()).append('"');
            }
            h.append("\r\n");
            if (p.contentType() != null) {
                h.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            h.append("\r\n");
            chunks.add(h.toString().getBytes(StandardCharsets.UTF_8));
            chunks.add(p.content());
            chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
