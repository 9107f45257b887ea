package dev.annota.app.operations;

import dev.annota.store.operations.Operation;
import dev.annota.store.operations.OperationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory side of one queued or running operation: its latest state, its listeners and whether it was
 * asked to stop. Events are delivered outside the lock, in order (only the worker thread publishes), and a
 * listener that joins gets the latest state atomically with its registration, so it misses nothing and sees
 * nothing twice.
 */
final class Active {
    private final String id;
    private final List<OperationListener> listeners = new ArrayList<>();
    private Operation latest;
    private boolean closed;
    private volatile String stopReason;

    Active(Operation initial) {
        this.id = initial.id();
        this.latest = initial;
    }

    String id() {
        return id;
    }

    synchronized Operation latest() {
        return latest;
    }

    /** Asks the task to stop; the first reason stands. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    synchronized Optional<Subscription> subscribe(OperationListener listener) {
        if (closed) {
            return Optional.empty();
        }
        listeners.add(listener);
        return Optional.of(new Subscription(latest, true, () -> remove(listener)));
    }

    void publish(OperationEvent.Type type, Operation op) {
        List<OperationListener> targets;
        synchronized (this) {
            if (closed) {
                return;
            }
            latest = op;
            targets = List.copyOf(listeners);
        }
        deliver(new OperationEvent(type, op), targets);
    }

    /** Sends the final state (as stored; a failure when the row is gone with its project) and drops the listeners. */
    void close(Optional<Operation> stored) {
        List<OperationListener> targets;
        Operation last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = stored.filter(op -> op.state().isFinished()).orElseGet(() -> latest.withFinalState(OperationState.FAILED,
                    "the operation's record is gone (its project was deleted)", Instant.now()));
            latest = last;
            targets = List.copyOf(listeners);
            listeners.clear();
        }
        deliver(new OperationEvent(OperationEvent.Type.STATE, last), targets);
    }

    private synchronized void remove(OperationListener listener) {
        listeners.remove(listener);
    }

    private void deliver(OperationEvent event, List<OperationListener> targets) {
        for (OperationListener l : targets) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                remove(l);
            }
        }
    }
}
