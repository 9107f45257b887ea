package dev.annota.app.operations;

import dev.annota.app.CancelledException;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.operations.NewOperation;
import dev.annota.store.operations.Operation;
import dev.annota.store.operations.OperationState;
import dev.annota.store.operations.Operations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs operations on a fixed number of worker threads; more wait, queued, in submission order. Each operation's
 * state and progress are kept in the database ({@link Operations}) and sent to in-memory listeners.
 *
 * <p>A task's result file is moved from its private work folder to {@code <data>/operations/<id>/} only after
 * the task returned, with an atomic rename, so a result is whole or absent whatever happens. A cancelled or
 * failed task leaves nothing: its work folder is deleted. Failures keep the user-facing message of an
 * {@link AnnotaException} (or of an I/O error); anything else is logged and recorded as an internal error.
 *
 * <p>At start, operations that a crash left queued or running are marked failed with {@link #INTERRUPTED}, unless
 * their kind is a {@link ResumableKind}, which then runs them again. {@link #close()} stops the workers: queued
 * operations and running ones that stop within the grace period are marked failed as interrupted.
 */
public final class OperationRunner implements AutoCloseable {
    /** The message of an operation that a stop of the server interrupted. */
    public static final String INTERRUPTED = "interrupted: the server stopped while this ran";
    /** The default number of operations that run at the same time. */
    public static final int DEFAULT_WORKERS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(OperationRunner.class);
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Operations operations;
    private final Path dataDir;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Map<String, ResumableKind> resumable;
    private volatile boolean closing;

    private OperationRunner(Database db, Path dataDir, int workerCount, Clock clock, List<ResumableKind> kinds) {
        if (workerCount < 1 || workerCount > 64) {
            throw new IllegalArgumentException("workers must be 1..64, got " + workerCount);
        }
        this.operations = new Operations(db);
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resumable = kinds.stream().collect(Collectors.toUnmodifiableMap(ResumableKind::kind, Function.identity()));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "annota-operation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A runner over {@code db} writing results under {@code dataDir}; first settles what a crash left behind
     * (see the class comment).
     */
    public static OperationRunner start(Database db, Path dataDir, int workers, Clock clock, List<ResumableKind> kinds) {
        OperationRunner runner = new OperationRunner(db, dataDir, workers, clock, kinds);
        runner.recover();
        return runner;
    }

    /** Queues {@code task} as a new operation and returns it (state queued). */
    public Operation submit(NewOperation request, OperationTask task) {
        if (closing) {
            throw new AnnotaException("the server is stopping; start the operation again once it is back");
        }
        Operation op = operations.create(request, clock.instant());
        enqueue(op, task);
        return op;
    }

    /** The operation, as stored. */
    public Operation get(String id) {
        return operations.get(id).orElseThrow(() -> new NotFoundException("operation " + id + ": no such operation"));
    }

    /** The newest {@code limit} operations of a project, newest first. */
    public List<Operation> list(String projectId, int limit) {
        return operations.listByProject(projectId, limit);
    }

    /**
     * Asks the operation to stop: a queued one is cancelled at once, a running one at its next progress check.
     * Cancelling a finished operation changes nothing. Returns the operation as it is now.
     */
    public Operation cancel(String id) {
        Operation op = operations.requestCancel(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("operation " + id + ": no such operation"));
        Active a = active.get(id);
        if (a != null) {
            a.stop("cancelled on request");
        }
        return op;
    }

    /** Listens to the operation's events; see {@link Subscription}. */
    public Subscription subscribe(String id, OperationListener listener) {
        Active a = active.get(id);
        if (a != null) {
            Optional<Subscription> s = a.subscribe(listener);
            if (s.isPresent()) {
                return s.get();
            }
        }
        return new Subscription(get(id), false, () -> { });
    }

    /** Where an operation's result file is (given its stored {@link Operation#resultPath()}). */
    public Path resolve(String resultPath) {
        Path p = dataDir.resolve(resultPath).normalize();
        if (!p.startsWith(dataDir.resolve("operations"))) {
            throw new IllegalStateException("a result path outside the operations folder: " + resultPath);
        }
        return p;
    }

    /** Stops the workers (see the class comment); waits up to 20 seconds for running tasks to stop. */
    @Override
    public void close() {
        closing = true;
        active.values().forEach(a -> a.stop(INTERRUPTED));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void recover() {
        for (Operation op : operations.unfinished()) {
            ResumableKind kind = resumable.get(op.kind());
            if (kind != null) {
                operations.requeue(op.id(), clock.instant());
                enqueue(operations.get(op.id()).orElseThrow(), kind.resume(op));
            } else {
                operations.finish(op.id(), OperationState.FAILED, INTERRUPTED, Optional.empty(), Optional.empty(), clock.instant());
                deleteQuietly(workFolder(op.id()));
            }
        }
    }

    private void enqueue(Operation op, OperationTask task) {
        Active a = new Active(op);
        active.put(op.id(), a);
        workers.execute(() -> execute(a, task));
    }

    private void execute(Active a, OperationTask task) {
        String id = a.id();
        try {
            Optional<String> early = a.stopReason();
            if (early.isPresent() && early.get().equals(INTERRUPTED)) {
                finish(a, OperationState.FAILED, INTERRUPTED, Optional.empty(), Optional.empty());
                return;
            }
            if (!operations.start(id, clock.instant())) {
                // cancelled while queued (or its project was deleted): the stored state is final
                if (operations.get(id).filter(op -> !op.state().isFinished()).isPresent()) {
                    finish(a, OperationState.CANCELLED, "cancelled before it started", Optional.empty(), Optional.empty());
                } else {
                    a.close(operations.get(id));
                }
                return;
            }
            a.publish(OperationEvent.Type.STATE, get(id));
            run(a, task);
        } catch (RuntimeException e) {
            LOG.error("operation {} could not be recorded", id, e);
            a.close(operations.get(id));
        } finally {
            active.remove(id);
        }
    }

    private void run(Active a, OperationTask task) {
        String id = a.id();
        Path folder = workFolder(id);
        try {
            Files.createDirectories(folder);
            OperationProgress progress = new OperationProgress(new OperationProgress.Sink() {
                @Override
                public void report(String phase, long done, long total) {
                    operations.progress(id, phase, done, total, clock.instant());
                    a.publish(OperationEvent.Type.PROGRESS, a.latest().withProgress(phase, done, total, clock.instant()));
                }

                @Override
                public void detail(String json) {
                    operations.partialResult(id, json, clock.instant());
                    a.publish(OperationEvent.Type.PROGRESS, a.latest().withPartialResult(json, clock.instant()));
                }

                @Override
                public Optional<String> stopReason() {
                    return a.stopReason();
                }
            }, System::nanoTime);
            OperationOutcome outcome = task.run(new OperationWork(id, progress, folder));
            Optional<String> resultPath = Optional.empty();
            if (outcome.resultFile().isPresent()) {
                resultPath = Optional.of(publishResult(id, folder, outcome.resultFile().get()));
            }
            deleteQuietly(folder);
            if (!finish(a, OperationState.SUCCEEDED, outcome.message(), resultPath, Optional.of(outcome.reportJson()))) {
                resultPath.ifPresent(p -> deleteQuietly(resolve(p).getParent()));
            }
        } catch (CancelledException e) {
            boolean shutdown = INTERRUPTED.equals(e.getMessage());
            failed(a, folder, shutdown ? OperationState.FAILED : OperationState.CANCELLED, e.getMessage());
        } catch (AnnotaException e) {
            failed(a, folder, OperationState.FAILED, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("operation {} failed on I/O", id, e);
            failed(a, folder, OperationState.FAILED, "an input/output error stopped it: " + e.getMessage());
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString();
            LOG.error("internal error {} in operation {}", ref, id, e);
            failed(a, folder, OperationState.FAILED, "an internal error stopped it; quote the correlation id " + ref + " when reporting it");
        } finally {
            deleteQuietly(folder); // a no-op unless finishing itself failed
        }
    }

    /** Deletes the work folder first, so that whoever sees the final state never finds leftovers, then records it. */
    private void failed(Active a, Path folder, OperationState state, String message) {
        deleteQuietly(folder);
        finish(a, state, message, Optional.empty(), Optional.empty());
    }

    /** Moves the result into {@code operations/<id>/} with an atomic rename; returns its path relative to the data folder. */
    private String publishResult(String id, Path folder, Path file) throws IOException {
        Path source = file.toAbsolutePath().normalize();
        if (!source.startsWith(folder) || !Files.isRegularFile(source)) {
            throw new IllegalStateException("the result of operation " + id + " is not a file in its work folder: " + file);
        }
        Path target = dataDir.resolve("operations").resolve(id).resolve(source.getFileName().toString());
        Files.createDirectories(target.getParent());
        Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dataDir.relativize(target).toString().replace('\\', '/');
    }

    private boolean finish(Active a, OperationState state, String message, Optional<String> resultPath, Optional<String> report) {
        boolean written = operations.finish(a.id(), state, message, resultPath, report, clock.instant());
        a.close(operations.get(a.id()));
        return written;
    }

    private Path workFolder(String id) {
        return dataDir.resolve("tmp").resolve("operations").resolve(id);
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("could not delete {}", folder, e);
        }
    }
}
