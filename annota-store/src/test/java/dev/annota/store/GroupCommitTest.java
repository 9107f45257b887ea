package dev.annota.store;

import static dev.annota.store.AnnotationSetsTest.boxes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit, made deterministic: first units hold every group slot open (blocked on a latch inside their
 * transactions) until the units under test are queued behind them, so those form the next group together.
 */
class GroupCommitTest {
    /** Threads of their own: the common pool may have a single thread on a 2-core machine. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "group-commit-test");
        t.setDaemon(true);
        return t;
    });

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** Starts units that write nothing and block every group slot until {@code release}; waits until they lead. */
    private static CompletableFuture<Void> blockers(Database db, CountDownLatch release) throws InterruptedException {
        int n = db.groupCommit().leaders();
        CountDownLatch leading = new CountDownLatch(n);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(blocker(db, leading, release));
            for (int w = 0; w < 6_000 && leading.getCount() > n - i - 1; w++) {
                Thread.sleep(10);
            }
        }
        assertTrue(leading.await(60, TimeUnit.SECONDS));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private static CompletableFuture<Integer> blocker(Database db, CountDownLatch leading, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> db.inGroupedTransaction("blocker", (Handle h) -> {
            leading.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return h.createQuery("SELECT COUNT(*) FROM annotation_sets").mapTo(Integer.class).one();
        }), THREADS);
    }

    /**
     * Holds every group slot, queues {@code saves} one after another behind them (each on a thread of its own), then
     * lets them go: they form one group, in this order. Returns their futures once the blockers have finished.
     */
    @SafeVarargs
    private static List<CompletableFuture<Long>> queuedTogether(Database db, Supplier<Long>... saves) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocking = blockers(db, release);
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (Supplier<Long> save : saves) {
            futures.add(CompletableFuture.supplyAsync(save, THREADS));
            awaitQueued(db, futures.size());
        }
        release.countDown();
        blocking.get(60, TimeUnit.SECONDS);
        return futures;
    }

    private static void awaitQueued(Database db, int n) throws InterruptedException {
        for (int i = 0; i < 6_000 && db.groupCommit().waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, db.groupCommit().waiting(), "units queued behind the running group");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void saves_queued_together_commit_in_one_transaction_each_with_its_own_version(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = AnnotationSetsTest.image(db);
            long before = db.groupCommit().transactions();
            List<CompletableFuture<Long>> saves = queuedTogether(db,
                    () -> sets.save(img, 0, boxes(1, 0), Optional.of("ana"), "human"),
                    () -> sets.save(img, 0, boxes(2, 0), Optional.of("ben"), "human"),
                    () -> sets.save(img, 1, boxes(3, 0), Optional.of("ben"), "human"));
            CompletableFuture<Long> stale = saves.get(1);
            assertEquals(1, saves.get(0).get(60, TimeUnit.SECONDS));
            ExecutionException e = assertThrows(ExecutionException.class, () -> stale.get(60, TimeUnit.SECONDS));
            VersionConflict conflict = conflict(e.getCause());
            assertEquals(2, conflict.current().version(), "the conflict carries the state after the whole group");
            assertEquals(2, saves.get(2).get(60, TimeUnit.SECONDS), "a unit sees the writes of the units before it in its group");
            assertEquals(db.groupCommit().leaders() + 1, db.groupCommit().transactions() - before,
                    "the blockers' transactions and ONE for the three queued saves");
            assertEquals(boxes(3, 0), sets.get(img).annotations());
            assertEquals(List.of(2L, 1L), sets.history(img).stream().map(AnnotationSets.Version::version).toList());
            assertEquals(boxes(1, 0), sets.version(img, 1).orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_failing_save_fails_alone_and_the_rest_of_its_group_is_committed(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = AnnotationSetsTest.image(db);
            List<CompletableFuture<Long>> saves = queuedTogether(db,
                    () -> sets.save(img, 0, boxes(1, 0), Optional.of("ana"), "human"),
                    () -> sets.save("no-such-image", 0, boxes(1, 0), Optional.empty(), "human"),
                    () -> sets.save(img, 1, boxes(2, 0), Optional.of("ben"), "human"));
            CompletableFuture<Long> missing = saves.get(1);
            assertEquals(1, saves.get(0).get(60, TimeUnit.SECONDS));
            assertEquals(2, saves.get(2).get(60, TimeUnit.SECONDS));
            ExecutionException e = assertThrows(ExecutionException.class, () -> missing.get(60, TimeUnit.SECONDS));
            Throwable cause = e.getCause();
            assertTrue(cause instanceof AnnotaException && cause.getMessage().contains("no such image"), cause.toString());
            assertEquals(2, sets.history(img).size());
            assertEquals(0, sets.get("no-such-image").version());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_save_inside_an_open_transaction_is_part_of_that_transaction(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = AnnotationSetsTest.image(db);
            assertThrows(IllegalStateException.class, () -> db.jdbi().useTransaction(h -> {
                assertEquals(1, sets.save(img, 0, boxes(1, 0), Optional.of("ana"), "human"));
                throw new IllegalStateException("roll back");
            }));
            assertEquals(0, sets.get(img).version(), "rolled back with the transaction it ran in");
            assertEquals(0, sets.history(img).size());
        }
    }

    private static VersionConflict conflict(Throwable t) {
        assertTrue(t instanceof VersionConflict, String.valueOf(t));
        return (VersionConflict) t;
    }
}
