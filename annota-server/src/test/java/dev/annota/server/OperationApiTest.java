package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.operations.OperationEvent;
import dev.annota.app.operations.OperationRunner;
import dev.annota.app.operations.Subscription;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.operations.NewOperation;
import dev.annota.store.operations.Operation;
import dev.annota.store.operations.Operations;
import dev.annota.store.workflow.WorkflowTasks;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operations over real HTTP on SQLite and PostgreSQL: the event stream, cancelling an export mid-way,
 * exports with a filter and without images, an asynchronous import (with its audit entry and workflow tasks),
 * and what a restart does with operations a crash interrupted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationApiTest {
    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);

    List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    private ImageFixture fixture(Dialect d) {
        return fixtures.computeIfAbsent(d, dialect -> {
            ImageFixture f = new ImageFixture(dialect);
            f.upload(0, 1, 2, 3, 4, 5);
            return f;
        });
    }

    private static String export(ImageFixture f, String body) {
        Http.Response r = f.http.get("manager").post("/projects/" + f.project + "/exports", body);
        assertEquals(202, r.status(), r.text());
        assertEquals("/api/v1/operations/" + r.json().get("id").asText(), r.header("Location").orElseThrow());
        return r.json().get("id").asText();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_event_stream_sends_the_current_state_then_progress_in_order_then_the_final_state(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String id = export(f, "{\"format\":\"yolo\",\"include_images\":true}");
        List<ServerSentEvents.Event> events = ServerSentEvents.follow(f.http.get("manager"), id);
        assertEquals("state", events.get(0).name());
        ServerSentEvents.Event last = events.get(events.size() - 1);
        assertEquals("state", last.name());
        assertEquals("succeeded", last.state());
        List<String> order = List.of("queued", "running", "succeeded");
        int rank = 0;
        for (ServerSentEvents.Event e : events) {
            int r = order.indexOf(e.state());
            assertTrue(r >= rank, "states never go back: " + events);
            rank = r;
            assertEquals(id, e.data().get("id").asText());
        }
        long images = f.http.get("admin").get("/projects/" + f.project + "/images?limit=1000").json().get("images").size();
        assertTrue(events.stream().anyMatch(e -> e.name().equals("progress") && e.data().get("phase").asText().equals("writing yolo")
                && e.data().get("done").asLong() == images && e.data().get("total").asLong() == images),
                "progress per image up to " + images + "/" + images + ": " + events);
        List<ServerSentEvents.Event> again = ServerSentEvents.follow(f.http.get("admin"), id);
        assertEquals(1, again.size(), "a finished operation's stream is its final state only");
        assertEquals("succeeded", again.get(0).state());
        JsonNode listed = f.http.get("manager").get("/projects/" + f.project + "/operations").json().get("operations");
        assertTrue(listed.toString().contains(id));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_cancelled_export_stops_between_images_and_leaves_no_result(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        OperationRunner runner = f.server.server.context().operations();
        String id;
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        Subscription sub;
        try (Blockers blockers = new Blockers(f.server, f.project)) {
            id = export(f, "{\"format\":\"coco\"}");
            Binary.Response early = f.binary.get("manager").get("/operations/" + id + "/result");
            assertEquals(409, early.status(), early.text());
            assertTrue(early.text().contains("queued"), early.text());
            sub = runner.subscribe(id, e -> {
                // hold the worker as it starts writing, until the cancel request is in
                if (e.type() == OperationEvent.Type.PROGRESS && e.operation().phase().equals("writing coco")
                        && held.compareAndSet(false, true)) {
                    writing.countDown();
                    Blockers.await(cancelled);
                }
            });
        }
        Blockers.await(writing);
        Http.Response cancel = f.http.get("manager").post("/operations/" + id + "/cancel", "{}");
        assertEquals(200, cancel.status(), cancel.text());
        assertTrue(cancel.json().get("cancel_requested").asBoolean());
        cancelled.countDown();
        JsonNode last = ServerSentEvents.finalState(f.http.get("manager"), id, "cancelled");
        sub.close();
        assertEquals(0, last.get("done").asLong(), "stopped before the first image was written: " + last);
        assertTrue(last.get("result_url").isNull());
        Binary.Response result = f.binary.get("manager").get("/operations/" + id + "/result");
        assertEquals(404, result.status(), result.text());
        assertTrue(result.text().contains("cancelled"), result.text());
        assertFalse(Files.exists(f.server.dataDir().resolve("operations").resolve(id)), "no result file");
        assertFalse(Files.exists(f.server.dataDir().resolve("tmp").resolve("operations").resolve(id)), "no work folder");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_queued_operation_is_cancelled_at_once(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String id;
        try (Blockers blockers = new Blockers(f.server, f.project)) {
            id = export(f, "{\"format\":\"voc\"}");
            Http.Response cancel = f.http.get("admin").post("/operations/" + id + "/cancel", "{}");
            assertEquals("cancelled", cancel.json().get("state").asText(), cancel.text());
        }
        ServerSentEvents.finalState(f.http.get("manager"), id, "cancelled");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_export_takes_a_filter_and_can_leave_the_images_out(Dialect dialect) throws IOException {
        ImageFixture f = fixture(dialect);
        Http admin = f.http.get("admin");
        String first = admin.get("/projects/" + f.project + "/images?limit=1").json().get("images").get(0).get("id").asText();
        assertEquals(200, admin.put("/images/" + first + "/annotations",
                "{\"version\":0,\"annotations\":[{\"kind\":\"box\",\"label\":1,\"box\":[10,10,20,20]}]}").status());
        String id = export(f, "{\"format\":\"coco\",\"include_images\":false,\"filter\":{\"has_annotations\":true}}");
        JsonNode op = ServerSentEvents.finalState(f.http.get("manager"), id, "succeeded");
        assertEquals(1, op.get("result").get("images").asInt(), op.toString());
        assertEquals(1, op.get("result").get("annotations").get("box").asInt(), op.toString());
        assertEquals(0, op.get("result").get("problem_count").asInt(), "images left out on request are no problem: " + op);
        assertTrue(op.get("request").get("filter").get("has_annotations").asBoolean());
        List<String> entries = entries(f.binary.get("manager").get("/operations/" + id + "/result").body());
        assertTrue(entries.stream().anyMatch(e -> e.endsWith(".json")), entries.toString());
        assertTrue(entries.stream().noneMatch(e -> e.endsWith(".png")), "no image files: " + entries);

        String byQuery = f.http.get("manager").post("/projects/" + f.project + "/exports?has_annotations=false", "{\"format\":\"csv\"}")
                .json().get("id").asText();
        JsonNode rest = ServerSentEvents.finalState(f.http.get("manager"), byQuery, "succeeded");
        int unannotated = admin.get("/projects/" + f.project + "/images?has_annotations=false&limit=1000").json().get("images").size();
        assertEquals(unannotated, rest.get("result").get("images").asInt(), rest.toString());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_asynchronous_import_reports_per_image_audits_and_gives_new_images_their_workflow_tasks(Dialect dialect) throws IOException {
        ImageFixture f = fixture(dialect);
        String existing = f.http.get("admin").get("/projects/" + f.project + "/images?limit=1").json().get("images").get(0).get("id").asText();
        WorkflowTasks tasks = new WorkflowTasks(f.server.db);
        tasks.ensureTasks(f.project, List.of(existing), 1);
        new ShapesDataset(ShapesConfig.defaults(64, 48), 501, 3).writePngs(f.importRoot.resolve("async-" + dialect), n -> { });
        Http.Response r = f.http.get("manager").post("/projects/" + f.project + "/images/import",
                "{\"path\":\"async-" + dialect + "\",\"split\":\"val\",\"async\":true}");
        assertEquals(202, r.status(), r.text());
        assertEquals("import", r.json().get("kind").asText());
        List<ServerSentEvents.Event> events = ServerSentEvents.follow(f.http.get("manager"), r.json().get("id").asText());
        JsonNode done = events.get(events.size() - 1).data();
        assertEquals("succeeded", done.get("state").asText(), done.toString());
        assertTrue(events.stream().anyMatch(e -> e.data().get("phase").asText().equals("storing images")), events.toString());
        List<String> added = new ArrayList<>();
        done.get("result").get("added").forEach(a -> added.add(a.get("image_id").asText()));
        assertEquals(3, added.size(), done.toString());
        assertTrue(tasks.taskImageIds(f.project).containsAll(added), "each new image has its task");
        JsonNode audit = f.http.get("admin").get("/audit?limit=50").json();
        assertTrue(audit.toString().contains("images.import") && audit.toString().contains("3 added"), audit.toString());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_restart_marks_operations_a_crash_left_running_as_failed(Dialect dialect) throws IOException {
        ImageFixture f = fixture(dialect);
        Operations store = new Operations(f.server.db);
        Operation running = store.create(new NewOperation(f.project, "export", "{}", Optional.empty()), Instant.now());
        store.start(running.id(), Instant.now());
        Operation queued = store.create(new NewOperation(f.project, "export", "{}", Optional.empty()), Instant.now());
        Path leftover = Files.createDirectories(f.server.dataDir().resolve("tmp").resolve("operations").resolve(running.id()));
        Files.writeString(leftover.resolve("half.zip"), "half");
        try (AnnotaServer restarted = AnnotaServer.create(f.server.server.context().config(), f.server.db).start()) {
            for (Operation op : List.of(running, queued)) {
                Operation after = store.get(op.id()).orElseThrow();
                assertEquals("failed", after.state().wireName());
                assertEquals(OperationRunner.INTERRUPTED, after.message());
            }
            assertFalse(Files.exists(leftover), "the half-written work is gone");
            JsonNode seen = Http.anonymous(restarted.apiUrl()).get("/operations/" + running.id()).json();
            assertEquals(401, seen.get("status").asInt());
        }
        JsonNode viaApi = f.http.get("manager").get("/operations/" + running.id()).json();
        assertEquals("failed", viaApi.get("state").asText());
        assertEquals(OperationRunner.INTERRUPTED, viaApi.get("message").asText());
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName());
            }
        }
        return out;
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
