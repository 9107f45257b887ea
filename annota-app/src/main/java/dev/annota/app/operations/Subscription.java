package dev.annota.app.operations;

import dev.annota.store.operations.Operation;
import java.util.Objects;

/**
 * A listener's registration with one operation: the operation as it was when the listener joined (every later
 * change arrives as an event), and whether events will come at all — none do once the operation finished.
 * Close it to stop listening.
 */
public final class Subscription implements AutoCloseable {
    private final Operation current;
    private final boolean live;
    private final Runnable unsubscribe;

    Subscription(Operation current, boolean live, Runnable unsubscribe) {
        this.current = Objects.requireNonNull(current, "current");
        this.live = live;
        this.unsubscribe = Objects.requireNonNull(unsubscribe, "unsubscribe");
    }

    public Operation current() {
        return current;
    }

    /** False when the operation had finished already: {@link #current()} is its final state and nothing follows. */
    public boolean live() {
        return live;
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
