package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.OperationRunner;
import dev.annota.store.operations.NewOperation;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Operations that hold every worker of a server's runner until released, so that an operation submitted
 * meanwhile stays queued — a test's way to catch an operation before it runs, with latches, not sleeps.
 */
final class Blockers implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);

    /** Starts one blocking operation per worker in {@code projectId} and returns once they all run. */
    Blockers(TestServer t, String projectId) {
        OperationRunner runner = t.server.context().operations();
        int workers = t.server.context().config().operationWorkers();
        CountDownLatch started = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            runner.submit(new NewOperation(projectId, "blocker", "{}", Optional.empty()), work -> {
                started.countDown();
                await(release);
                return new OperationOutcome(Optional.empty(), "{}", "released");
            });
        }
        await(started);
    }

    /** Lets the blocking operations finish. */
    @Override
    public void close() {
        release.countDown();
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "a latch was not released within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
