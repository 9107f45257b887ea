package dev.annota.app.operations;

/**
 * Receives the events of one operation, in order, on the operation's worker thread: return quickly (hand the
 * event to a queue). An exception thrown here unsubscribes the listener and never affects the operation.
 */
@FunctionalInterface
public interface OperationListener {
    void onEvent(OperationEvent event);
}
