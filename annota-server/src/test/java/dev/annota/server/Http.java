package dev.annota.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A small HTTP client for tests: real requests to the server, as a given caller (cookie, token, or nobody). */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, headers and the body (parsed as JSON when it is JSON). */
    record Response(int status, java.net.http.HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return text.isEmpty() ? MissingNode.getInstance() : Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        List<String> all(String name) {
            return headers.allValues(name);
        }
    }

    private final URI base;
    private final List<String> extraHeaders;

    private Http(URI base, List<String> extraHeaders) {
        this.base = base;
        this.extraHeaders = List.copyOf(extraHeaders);
    }

    static Http anonymous(URI base) {
        return new Http(base, List.of());
    }

    Http withCookie(String cookie) {
        return new Http(base, List.of("Cookie", cookie));
    }

    Http withBearer(String token) {
        return new Http(base, List.of("Authorization", "Bearer " + token));
    }

    /** This client with one more header on every request (keeps its cookie or token). */
    Http withHeader(String name, String value) {
        List<String> headers = new java.util.ArrayList<>(extraHeaders);
        headers.add(name);
        headers.add(value);
        return new Http(base, headers);
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    Response put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    /** Any request; a null content type sends none, a null body sends no body. */
    Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            b.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
