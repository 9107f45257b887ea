package dev.annota.store.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One long-running operation as stored: what it is, where it stands, and what it produced.
 *
 * @param kind            what it does: {@code export}, {@code import}, {@code prelabel}...
 * @param phase           what the current step is called ("writing coco", "packing"...; empty before it starts)
 * @param done            steps of the current phase done
 * @param total           steps of the current phase (0 when unknown)
 * @param message         a line for people: why it failed, or a summary of what it did
 * @param requestJson     the parameters it was started with (JSON)
 * @param resultPath      the result file, relative to the data folder, once it succeeded with one
 * @param resultJson      the result's report (JSON), once finished
 * @param cancelRequested someone asked to cancel it
 */
public record Operation(String id, String projectId, String kind, OperationState state, String phase, long done, long total,
                        String message, String requestJson, Optional<String> resultPath, Optional<String> resultJson,
                        boolean cancelRequested, Optional<String> createdBy, Instant createdAt, Instant updatedAt,
                        Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(resultPath, "resultPath");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress cannot be negative: " + done + "/" + total);
        }
    }

    /** This operation with new progress (as reported, before it is written). */
    public Operation withProgress(String newPhase, long newDone, long newTotal, Instant at) {
        return new Operation(id, projectId, kind, state, newPhase, newDone, newTotal, message, requestJson, resultPath, resultJson,
                cancelRequested, createdBy, createdAt, at, startedAt, finishedAt);
    }

    /** This operation, still running, with the report of its work so far. */
    public Operation withPartialResult(String json, Instant at) {
        return new Operation(id, projectId, kind, state, phase, done, total, message, requestJson, resultPath, Optional.of(json),
                cancelRequested, createdBy, createdAt, at, startedAt, finishedAt);
    }

    /** This operation as finished in {@code newState} with {@code newMessage} (for listeners when the row is gone). */
    public Operation withFinalState(OperationState newState, String newMessage, Instant at) {
        return new Operation(id, projectId, kind, newState, phase, done, total, newMessage, requestJson, Optional.empty(),
                Optional.empty(), cancelRequested, createdBy, createdAt, at, startedAt, Optional.of(at));
    }
}
