package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TaggedProjects;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Training over HTTP: a training operation with per-epoch events, its registered model, the list, cancel and bad input. */
class TrainingApiTest {
    static List<Dialect> dialects() {
        return List.of(Dialect.SQLITE, Dialect.POSTGRESQL);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_training_reports_each_epoch_registers_its_model_and_prelabelling_uses_it_at_once(Dialect dialect) throws Exception {
        try (TestServer server = TestServer.start(dialect)) {
            String project = TaggedProjects.create(server.db, server.dataDir(), 10, false);
            Http admin = server.admin();
            Http.Response started = admin.post("/projects/" + project + "/trainings", "{\"mode\":\"cnn\",\"epochs\":2,\"seed\":4}");
            assertEquals(202, started.status(), started.text());
            String id = started.json().get("id").asText();
            assertEquals("training", started.json().get("kind").asText());

            List<ServerSentEvents.Event> events = ServerSentEvents.follow(admin, id);
            JsonNode last = events.get(events.size() - 1).data();
            assertEquals("succeeded", last.get("state").asText(), last.toString());
            List<JsonNode> epochReports = events.stream().filter(e -> e.name().equals("progress"))
                    .map(e -> e.data().get("result")).filter(r -> r != null && r.has("epochs")).toList();
            assertTrue(!epochReports.isEmpty(), "no progress event carried the epochs: " + events);
            JsonNode first = epochReports.get(0).get("epochs").get(0);
            assertEquals(1, first.get("epoch").asInt());
            assertTrue(first.get("loss").isNumber() && first.has("val_accuracy"), first.toString());

            JsonNode result = admin.get("/operations/" + id).json().get("result");
            assertEquals(2, result.get("epochs").size());
            String model = result.get("model_id").asText();
            JsonNode list = admin.get("/projects/" + project + "/trainings").json().get("trainings");
            assertEquals(id, list.get(0).get("id").asText());
            assertTrue(list.get(0).get("result").get("validation").has("accuracy"), list.toString());

            Http.Response prelabel = admin.post("/projects/" + project + "/prelabel", "{\"model_id\":\"" + model + "\"}");
            assertEquals(202, prelabel.status(), prelabel.text());
            JsonNode done = ServerSentEvents.finalState(admin, prelabel.json().get("id").asText(), "succeeded");
            assertEquals(22, done.get("result").get("processed").asInt(), done.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_training_can_be_cancelled_and_bad_requests_get_problems_naming_the_field(Dialect dialect) throws Exception {
        try (TestServer server = TestServer.start(dialect)) {
            String project = TaggedProjects.create(server.db, server.dataDir(), 10, false);
            Http admin = server.admin();
            String path = "/projects/" + project + "/trainings";
            Http.Response started = admin.post(path, "{\"mode\":\"cnn\",\"epochs\":5000}");
            assertEquals(202, started.status(), started.text());
            String id = started.json().get("id").asText();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!admin.get("/operations/" + id).json().get("phase").asText().startsWith("epoch") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(200, admin.post("/operations/" + id + "/cancel", "{}").status());
            ServerSentEvents.finalState(admin, id, "cancelled");

            for (String[] c : new String[][] {{"{\"mode\":\"svm\"}", "mode"}, {"{\"mode\":\"head\"}", "backbone"},
                    {"{\"mode\":\"cnn\",\"epochs\":0}", "epochs"}, {"{}", "mode"}, {"{\"mode\":\"cnn\",\"name\":\"a b\"}", "name"}}) {
                Http.Response r = admin.post(path, c[0]);
                assertEquals(400, r.status(), c[0] + " -> " + r.text());
                assertEquals(c[1], r.json().get("errors").get(0).get("field").asText(), r.text());
            }
            assertEquals(404, admin.post(path, "{\"mode\":\"head\",\"backbone\":\"no-such-model\"}").status());
            assertEquals(404, admin.post("/projects/no-such-project/trainings", "{\"mode\":\"cnn\"}").status());
        }
    }
}
