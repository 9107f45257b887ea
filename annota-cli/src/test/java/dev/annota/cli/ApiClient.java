package dev.annota.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for the CLI tests: signs in and sends JSON requests to a server the CLI started. */
final class ApiClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response: the status and the body. */
    record Response(int status, String text) {
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }
    }

    private final URI api;
    private final Optional<String> cookie;

    private ApiClient(URI api, Optional<String> cookie) {
        this.api = api;
        this.cookie = cookie;
    }

    /** Signs in; the status of the login is {@link #loginStatus}. */
    static ApiClient login(URI api, String username, String password) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        return new ApiClient(api, r.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]));
    }

    /** The status of a login attempt. */
    static int loginStatus(URI api, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(api + "/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")))
                .statusCode();
    }

    Response get(String path) {
        return request(HttpRequest.newBuilder(URI.create(api + path)).GET());
    }

    Response post(String path, String json) {
        return request(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return request(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response request(HttpRequest.Builder b) {
        cookie.ifPresent(c -> b.header("Cookie", c));
        HttpResponse<String> r = send(b);
        return new Response(r.statusCode(), r.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
