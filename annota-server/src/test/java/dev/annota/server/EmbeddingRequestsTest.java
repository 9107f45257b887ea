package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.store.Dialect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedding endpoints called by each kind of caller, and malformed requests (each a 4xx problem naming the field
 * and value), on SQLite and PostgreSQL; one embedded project per database shared by the rows.
 */
class EmbeddingRequestsTest {
    static final Map<Dialect, EmbeddingFixture> FIXTURES = new ConcurrentHashMap<>();

    /** method and path, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"GET /projects/{p}/embeddings", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/{wolves}/similar?k=2", null, 200, 200, 200, 200, 403, 401},
        {"GET /projects/{p}/near-duplicates", null, 200, 200, 200, 200, 403, 401},
        {"POST /projects/{p}/clusters", "{\"k\":2}", 200, 200, 200, 200, 403, 401},
        {"GET /projects/{p}/map", null, 200, 200, 200, 200, 403, 401},
        {"POST /projects/{p}/embeddings", "{\"model\":\"squeezenet1.1\"}", 202, 202, 403, 403, 403, 401},
    };

    /** method and path, body, status, what the problem must say (field and value). */
    static final Object[][] MALFORMED = {
        {"GET /images/{wolves}/similar?k=0", null, 400, "k"},
        {"GET /images/{wolves}/similar?k=many", null, 400, "many"},
        {"GET /images/{wolves}/similar?model=resnet", null, 404, "resnet"},
        {"GET /images/no-such-image/similar", null, 404, "no-such-image"},
        {"GET /projects/{p}/near-duplicates?threshold=1.5", null, 400, "1.5"},
        {"GET /projects/{p}/near-duplicates?threshold=high", null, 400, "high"},
        {"GET /projects/{p}/near-duplicates?limit=0", null, 400, "limit"},
        {"POST /projects/{p}/clusters", "{}", 400, "k"},
        {"POST /projects/{p}/clusters", "{\"k\":0}", 400, "k"},
        {"POST /projects/{p}/clusters", "{\"k\":500}", 400, "500"},
        {"POST /projects/{p}/clusters", "{\"k\":\"three\"}", 400, "k"},
        {"POST /projects/{p}/clusters", "{\"k\":2,\"colour\":\"red\"}", 400, "colour"},
        {"GET /projects/{p}/map?clusters=-1", null, 400, "clusters"},
        {"GET /projects/{p}/map?clusters=50", null, 400, "50"},
        {"GET /projects/{p}/map?method=umap", null, 400, "umap"},
        {"GET /projects/{p}/map?method=tsne&perplexity=1", null, 400, "perplexity"},
        {"GET /projects/{p}/map?method=tsne&perplexity=many", null, 400, "perplexity"},
        {"POST /projects/{p}/embeddings", "{}", 400, "model"},
        {"POST /projects/{p}/embeddings", "{\"model\":\"../../etc\"}", 400, "../../etc"},
        {"POST /projects/{p}/embeddings", "{\"model\":\"resnet50\"}", 202, "resnet50"},
        {"POST /projects/{p}/embeddings", "{\"model\":\"squeezenet1.1\",\"batch_size\":0}", 400, "batch_size"},
        {"POST /projects/nope/embeddings", "{\"model\":\"squeezenet1.1\"}", 403, "nope"},
    };

    static EmbeddingFixture fixture(Dialect d) {
        return FIXTURES.computeIfAbsent(d, EmbeddingFixture::new);
    }

    @AfterAll
    static void close() {
        FIXTURES.values().forEach(EmbeddingFixture::close);
    }

    static Stream<Arguments> permissions() {
        return Problems.permissionRows(MATRIX, ImageFixture.CALLERS).stream();
    }

    static Stream<Arguments> malformed() {
        return Problems.perDialect(MALFORMED).stream();
    }

    static String path(EmbeddingFixture e, String p) {
        return p.replace("{p}", e.project()).replace("{wolves}", e.ids.get("wolves.jpg"));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("permissions")
    void each_role_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int status) {
        EmbeddingFixture e = fixture(dialect);
        String[] parts = endpoint.split(" ", 2);
        Http.Response r = e.as(caller).send(parts[0], path(e, parts[1]), body == null ? null : "application/json", body);
        assertEquals(status, r.status(), caller + " " + endpoint + ": " + r.text());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("malformed")
    void a_malformed_request_gets_a_problem_naming_the_field_and_value(Dialect dialect, String endpoint, String body, int status,
            String says) {
        EmbeddingFixture e = fixture(dialect);
        String[] parts = endpoint.split(" ", 2);
        Http.Response r = e.as("manager").send(parts[0], path(e, parts[1]), body == null ? null : "application/json", body);
        if (status == 202) {
            // an unknown model folder is only found by the operation: it fails, naming the model
            String id = r.json().get("id").asText();
            Http.Response op;
            long deadline = System.currentTimeMillis() + 30_000;
            do {
                op = e.as("manager").get("/operations/" + id);
            } while (List.of("queued", "running").contains(op.json().get("state").asText()) && System.currentTimeMillis() < deadline);
            assertEquals("failed", op.json().get("state").asText(), op.text());
            assertEquals(true, op.json().get("message").asText().contains(says), op.text());
            return;
        }
        Problems.assertProblem(r, status, says, endpoint + " " + body);
    }
}
