package dev.annota.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * Group commit: small write transactions submitted at the same time from many threads run one after another in
 * ONE database transaction, so that they share its begin, its commit and its flush to disk (one WAL append on
 * SQLite, one fsync on PostgreSQL), and each caller returns only after that commit: an acknowledged write is as
 * durable as with a transaction of its own.
 *
 * <p>There is no extra thread: a caller that finds fewer than {@code leaders} groups running becomes a leader,
 * takes the waiting units (at most {@value #MAX_GROUP}), runs them on one handle ordered by their keys, commits,
 * and wakes the others; units that arrived meanwhile form the next group. A unit sees the writes of the units
 * before it, so rules such as "update only if the version is still n" stay exact within a group. With one
 * leader (SQLite: one writer at a time anyway) groups run one after another; with several (PostgreSQL) groups
 * run side by side, and because each takes its rows in key order, two groups never wait for each other in a
 * cycle (units of one key touch only rows of that key).
 *
 * <p>A unit must change the database only through its handle and must report expected outcomes (a stale version)
 * by its result, not by throwing: when a unit throws, the whole group is rolled back and every unit of it runs
 * again alone in a transaction of its own, so only the failing unit fails (with its own exception). A caller
 * already inside a transaction on this thread runs its unit inline, in that transaction.
 */
final class GroupCommit {
    static final int MAX_GROUP = 64;

    private final Jdbi jdbi;
    private final int leaders;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    private int leading;
    private long transactions;

    /** Group commit over {@code jdbi} with at most {@code leaders} groups running at once. */
    GroupCommit(Jdbi jdbi, int leaders) {
        if (leaders < 1) {
            throw new IllegalArgumentException("leaders: expected at least 1, got " + leaders);
        }
        this.jdbi = jdbi;
        this.leaders = leaders;
    }

    /**
     * Runs {@code work} in a transaction shared with concurrent callers; returns its result once committed.
     * {@code key} names the rows the work writes (units run in key order within a group).
     */
    <T> T run(String key, Function<Handle, T> work) {
        HandleSupplier bound = jdbi.getHandleScope().get();
        if (bound != null && bound.getHandle().isInTransaction()) {
            return work.apply(bound.getHandle());
        }
        Unit<T> unit = new Unit<>(key, work);
        lock.lock();
        try {
            waiting.add(unit);
            while (!unit.done) {
                if (leading >= leaders || !waiting.contains(unit)) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                leading++;
                List<Unit<?>> group = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
                while (!waiting.isEmpty() && group.size() < MAX_GROUP) {
                    group.add(waiting.poll());
                }
                group.sort(Comparator.comparing(u -> u.key));
                lock.unlock();
                try {
                    commit(group);
                } finally {
                    lock.lock();
                    leading--;
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return unit.result();
    }

    /** How many groups may run at once. */
    int leaders() {
        return leaders;
    }

    /** How many units wait for the running group to finish (for tests). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many transactions the leaders have run so far, committed or not (for tests). */
    long transactions() {
        lock.lock();
        try {
            return transactions;
        } finally {
            lock.unlock();
        }
    }

    private void counted() {
        lock.lock();
        try {
            transactions++;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Unit<?>> group) {
        if (group.size() > 1) {
            try {
                counted();
                jdbi.useTransaction(h -> {
                    for (Unit<?> u : group) {
                        u.runOn(h);
                    }
                });
                group.forEach(Unit::finish);
                return;
            } catch (RuntimeException | Error e) {
                // one unit failed (or the commit did): each runs again alone below, so only the failing one fails
                group.forEach(Unit::forget);
            }
        }
        for (Unit<?> u : group) {
            try {
                counted();
                jdbi.useTransaction(u::runOn);
                u.finish();
            } catch (RuntimeException | Error e) {
                u.fail(e);
            }
        }
    }

    /** One caller's work, its result and whether it is committed (guarded by the leader hand-over). */
    private static final class Unit<T> {
        private final String key;
        private final Function<Handle, T> work;
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Unit(String key, Function<Handle, T> work) {
            this.key = key;
            this.work = work;
        }

        void runOn(Handle h) {
            result = work.apply(h);
        }

        void forget() {
            result = null;
        }

        void finish() {
            done = true;
        }

        void fail(Throwable t) {
            failure = t;
            done = true;
        }

        T result() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
