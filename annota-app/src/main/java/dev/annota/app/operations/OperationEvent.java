package dev.annota.app.operations;

import dev.annota.store.operations.Operation;
import java.util.Objects;

/**
 * Something that happened to a running operation, with the operation as it is afterwards: its state changed
 * (queued → running → a final state), or it made progress.
 */
public record OperationEvent(Type type, Operation operation) {
    /** The kind of event. */
    public enum Type {
        STATE, PROGRESS;

        /** The SSE event name: {@code state} or {@code progress}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public OperationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operation, "operation");
    }

    /** True for the last event of an operation: a state event with a final state. */
    public boolean isFinal() {
        return type == Type.STATE && operation.state().isFinished();
    }
}
