package dev.annota.app.operations;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.operations.NewOperation;
import dev.annota.store.operations.Operation;
import dev.annota.store.projects.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Operations on behalf of a user. Every kind so far (export, import) is a manager's task, so one rule covers
 * starting, reading, watching, cancelling and downloading: managers of the operation's project and admins;
 * everyone else gets a {@code ForbiddenException}, and an unknown operation or project a
 * {@link NotFoundException}.
 */
public final class ProjectOperations {
    private final OperationRunner runner;
    private final Access access;
    private final Projects projects;

    public ProjectOperations(Database db, OperationRunner runner, Access access) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.access = Objects.requireNonNull(access, "access");
        this.projects = new Projects(db);
    }

    /** The result file of a succeeded operation and the name to download it as. */
    public record ResultFile(Path file, String fileName, long size) {
    }

    /** Checks that the project exists and that {@code actor} may run operations in it. */
    public void requireManager(Actor actor, String projectId) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        projects.get(projectId);
    }

    /** Queues {@code task} as an operation of {@code kind} in the project, after the access check. */
    public Operation start(Actor actor, String projectId, String kind, String requestJson, OperationTask task) {
        requireManager(actor, projectId);
        return runner.submit(new NewOperation(projectId, kind, requestJson, Optional.of(actor.userId())), task);
    }

    public Operation get(Actor actor, String operationId) {
        Operation op = runner.get(operationId);
        access.requireProjectRole(actor, op.projectId(), ProjectRole.MANAGER);
        return op;
    }

    /** The newest {@code limit} operations of the project, newest first. */
    public List<Operation> list(Actor actor, String projectId, int limit) {
        requireManager(actor, projectId);
        return runner.list(projectId, limit);
    }

    /** Asks the operation to stop (see {@link OperationRunner#cancel}); returns it as it is now. */
    public Operation cancel(Actor actor, String operationId) {
        get(actor, operationId);
        return runner.cancel(operationId);
    }

    /** Listens to the operation's events (see {@link OperationRunner#subscribe}). */
    public Subscription watch(Actor actor, String operationId, OperationListener listener) {
        get(actor, operationId);
        return runner.subscribe(operationId, listener);
    }

    /**
     * The result file: a {@link ConflictException} while the operation is queued or running, a
     * {@link NotFoundException} when it failed or was cancelled (it has none) or made no file.
     */
    public ResultFile result(Actor actor, String operationId) {
        Operation op = get(actor, operationId);
        switch (op.state()) {
            case QUEUED, RUNNING -> throw new ConflictException("operation " + operationId + " is " + op.state().wireName()
                    + (op.phase().isEmpty() ? "" : " (" + op.phase() + ", " + op.done() + "/" + op.total() + ")")
                    + "; its result can be downloaded once it has succeeded");
            case FAILED, CANCELLED -> throw new NotFoundException("operation " + operationId + " " + op.state().wireName()
                    + " and has no result" + (op.message().isEmpty() ? "" : ": " + op.message()));
            case SUCCEEDED -> {
                // below
            }
        }
        String stored = op.resultPath().orElseThrow(() -> new NotFoundException("operation " + operationId
                + " (" + op.kind() + ") made no result file; its report is in result"));
        Path file = runner.resolve(stored);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("operation " + operationId + ": the result file is no longer on the server");
        }
        try {
            return new ResultFile(file, file.getFileName().toString(), Files.size(file));
        } catch (java.io.IOException e) {
            throw new NotFoundException("operation " + operationId + ": the result file cannot be read (" + e.getMessage() + ")");
        }
    }
}
