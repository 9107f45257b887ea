package dev.annota.store.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OperationsTest {
    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    private static void project(Database db, String id) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, "
                + "updated_at) VALUES (:id, :id, :id, '', '{}', 0, 0)").bind("id", id).execute());
    }

    private static NewOperation export(String project) {
        return new NewOperation(project, "export", "{\"format\":\"coco\"}", Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_operation_goes_from_queued_to_running_to_succeeded_with_its_progress_and_result(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            Operations ops = new Operations(db);
            Operation op = ops.create(export("p1"), T0);
            assertEquals(OperationState.QUEUED, op.state());
            assertEquals("{\"format\":\"coco\"}", op.requestJson());
            assertFalse(ops.progress(op.id(), "early", 1, 2, T0), "no progress before it runs");
            assertTrue(ops.start(op.id(), T0.plusMillis(1)));
            assertFalse(ops.start(op.id(), T0.plusMillis(1)), "starts once");
            assertTrue(ops.progress(op.id(), "writing", 3, 10, T0.plusMillis(2)));
            Operation running = ops.get(op.id()).orElseThrow();
            assertEquals(List.of("writing", 3L, 10L, OperationState.RUNNING),
                    List.of(running.phase(), running.done(), running.total(), running.state()));
            assertEquals(Optional.of(T0.plusMillis(1)), running.startedAt());
            assertTrue(ops.finish(op.id(), OperationState.SUCCEEDED, "3 images", Optional.of("operations/x/export.zip"),
                    Optional.of("{\"images\":3}"), T0.plusMillis(3)));
            assertFalse(ops.finish(op.id(), OperationState.FAILED, "late", Optional.empty(), Optional.empty(), T0.plusMillis(4)),
                    "the first finish stands");
            assertFalse(ops.progress(op.id(), "late", 9, 10, T0.plusMillis(5)), "no progress after the finish");
            Operation done = ops.get(op.id()).orElseThrow();
            assertEquals(OperationState.SUCCEEDED, done.state());
            assertEquals(Optional.of("operations/x/export.zip"), done.resultPath());
            assertEquals(Optional.of("{\"images\":3}"), done.resultJson());
            assertEquals(Optional.of(T0.plusMillis(3)), done.finishedAt());
            assertEquals("writing", done.phase());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_cancel_request_cancels_a_queued_operation_at_once_and_flags_a_running_one(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            Operations ops = new Operations(db);
            Operation queued = ops.create(export("p1"), T0);
            Operation after = ops.requestCancel(queued.id(), T0.plusMillis(1)).orElseThrow();
            assertEquals(OperationState.CANCELLED, after.state());
            assertFalse(ops.start(queued.id(), T0.plusMillis(2)), "a cancelled operation never starts");

            Operation running = ops.create(export("p1"), T0);
            ops.start(running.id(), T0);
            Operation flagged = ops.requestCancel(running.id(), T0.plusMillis(1)).orElseThrow();
            assertEquals(OperationState.RUNNING, flagged.state());
            assertTrue(flagged.cancelRequested());
            assertTrue(ops.finish(running.id(), OperationState.CANCELLED, "cancelled", Optional.empty(), Optional.empty(), T0));
            assertTrue(ops.requestCancel("no-such-id", T0).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void unfinished_operations_are_listed_for_recovery_and_a_running_one_can_be_requeued(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            project(db, "p2");
            Operations ops = new Operations(db);
            Operation a = ops.create(export("p1"), T0);
            Operation b = ops.create(export("p2"), T0.plusMillis(1));
            Operation c = ops.create(export("p1"), T0.plusMillis(2));
            ops.start(b.id(), T0);
            ops.start(c.id(), T0);
            ops.finish(c.id(), OperationState.FAILED, "broken", Optional.empty(), Optional.empty(), T0);
            assertEquals(List.of(a.id(), b.id()), ops.unfinished().stream().map(Operation::id).toList());
            assertTrue(ops.requeue(b.id(), T0));
            assertEquals(OperationState.QUEUED, ops.get(b.id()).orElseThrow().state());
            assertEquals(List.of(c.id(), a.id()), ops.listByProject("p1", 10).stream().map(Operation::id).toList(), "newest first");
            assertEquals(1, ops.listByProject("p1", 1).size());
            assertThrows(ValidationException.class, () -> ops.listByProject("p1", 0));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_project_deletes_its_operations(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            Operations ops = new Operations(db);
            Operation a = ops.create(export("p1"), T0);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM projects WHERE id = 'p1'"));
            assertTrue(ops.get(a.id()).isEmpty());
            assertThrows(ValidationException.class, () -> new NewOperation("p1", "Export!", "{}", Optional.empty()));
        }
    }
}
