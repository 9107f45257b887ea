package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.store.Dialect;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server serves the built web UI at "/" without getting in the way of the API. */
class WebUiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        assumeTrue(WebUi.class.getResource(WebUi.ROOT + "/index.html") != null,
                "the built web UI is not on the class path (build annota-web first)");
        server = TestServer.start(Dialect.SQLITE);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.server.baseUrl() + path)).header("Accept", accept).GET().build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_index_html_at_the_root_revalidated_on_every_load() throws Exception {
        HttpResponse<String> r = get("/", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<div id=\"app\">"), r.body());
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void serves_hashed_assets_as_immutable() throws Exception {
        Matcher m = Pattern.compile("/assets/[^\"]+\\.js").matcher(get("/", "text/html").body());
        assertTrue(m.find(), "index.html names its script");
        HttpResponse<String> r = get(m.group(), "*/*");
        assertEquals(200, r.statusCode());
        assertEquals(WebUi.IMMUTABLE, r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("javascript"), r.headers().toString());
    }

    @Test
    void answers_client_routes_with_index_html_so_a_reload_works() throws Exception {
        HttpResponse<String> r = get("/projects/p1/images/i2", "text/html,application/xhtml+xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<div id=\"app\">"));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void leaves_unknown_api_paths_as_problem_json_even_for_a_browser() throws Exception {
        for (String accept : new String[] {"application/json", "text/html"}) {
            HttpResponse<String> r = get("/api/v1/no-such-route", accept);
            assertEquals(404, r.statusCode(), accept);
            assertTrue(r.body().contains("\"status\":404"), r.body());
        }
    }

    @Test
    void still_serves_the_api() throws Exception {
        HttpResponse<String> r = get("/api/v1/health", "application/json");
        assertEquals(200, r.statusCode());
    }

    @Test
    void does_not_invent_missing_assets() throws Exception {
        assertEquals(404, get("/assets/nope-123.js", "*/*").statusCode());
    }
}
