package dev.annota.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions on SQLite, which has one writer at a time. Two things make them cheaper than the JDBC driver's own
 * {@code setAutoCommit(false)}/{@code commit()}:
 *
 * <ul>
 *   <li>Writers queue in the JVM on one fair lock, taken before {@code BEGIN IMMEDIATE} and released after
 *       {@code COMMIT}/{@code ROLLBACK}, instead of inside SQLite, whose busy handler makes a waiting writer sleep
 *       and retry (for up to 100 ms a time), which is where the long tail of write latency came from.
 *   <li>A transaction is exactly {@code BEGIN IMMEDIATE} … {@code COMMIT} on a connection left in auto-commit mode.
 *       The driver's {@code commit()} starts the next transaction right away ({@code COMMIT; BEGIN IMMEDIATE}),
 *       so every transaction took the write lock a second time only to give it back when auto-commit was restored.
 * </ul>
 *
 * Durability is unchanged: a transaction is committed when {@code COMMIT} returns. A writer waits for the lock
 * as long as SQLite's busy timeout would have let it, then fails the same way.
 */
final class SqliteTransactions implements TransactionHandler {
    private final ReentrantLock writers = new ReentrantLock(true);
    private final long waitMillis;

    /** The handler of one database file; a writer waits at most {@code waitMillis} (its busy timeout) for the lock. */
    SqliteTransactions(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** Jdbi asks for one handler per handle; this one only makes them. */
    @Override
    public TransactionHandler specialize(Handle handle) {
        return new Bound();
    }

    @Override
    public void begin(Handle handle) {
        throw unbound();
    }

    @Override
    public void commit(Handle handle) {
        throw unbound();
    }

    @Override
    public void rollback(Handle handle) {
        throw unbound();
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        throw unbound();
    }

    @Override
    public void savepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        throw unbound();
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) {
        throw unbound();
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) {
        throw unbound();
    }

    private static IllegalStateException unbound() {
        return new IllegalStateException("SqliteTransactions works through the handler specialize(handle) returns");
    }

    /** The transactions of one handle (one connection). */
    private final class Bound implements TransactionHandler {
        private boolean open;

        @Override
        public void begin(Handle handle) {
            if (open) {
                throw new TransactionException("a transaction is already open on this handle");
            }
            lock();
            try {
                exec(handle, "BEGIN IMMEDIATE");
            } catch (RuntimeException e) {
                writers.unlock();
                throw e;
            }
            open = true;
        }

        @Override
        public void commit(Handle handle) {
            requireOpen();
            try {
                exec(handle, "COMMIT");
            } catch (RuntimeException e) {
                try {
                    exec(handle, "ROLLBACK");
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                close();
            }
        }

        @Override
        public void rollback(Handle handle) {
            if (!open) {
                return;
            }
            try {
                exec(handle, "ROLLBACK");
            } finally {
                close();
            }
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return open;
        }

        @Override
        public void savepoint(Handle handle, String name) {
            requireOpen();
            exec(handle, "SAVEPOINT " + quoted(name));
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            requireOpen();
            exec(handle, "ROLLBACK TO SAVEPOINT " + quoted(name));
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            requireOpen();
            exec(handle, "RELEASE SAVEPOINT " + quoted(name));
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            begin(handle);
            R result;
            try {
                result = callback.withHandle(handle);
            } catch (Throwable t) {
                try {
                    rollback(handle);
                } catch (RuntimeException r) {
                    t.addSuppressed(r);
                }
                throw t;
            }
            commit(handle);
            return result;
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                        HandleCallback<R, X> callback) throws X {
            // SQLite transactions are serializable whatever the level asked for
            return inTransaction(handle, callback);
        }

        private void requireOpen() {
            if (!open) {
                throw new TransactionException("no transaction is open on this handle");
            }
        }

        private void close() {
            open = false;
            if (writers.isHeldByCurrentThread()) {
                writers.unlock();
            }
        }
    }

    private void lock() {
        try {
            if (!writers.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new TransactionException("timed out after " + waitMillis + " ms waiting for the database's write lock "
                        + "(another write transaction is still open)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionException("interrupted while waiting for the database's write lock", e);
        }
    }

    private static void exec(Handle handle, String sql) {
        try (Statement s = handle.getConnection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new TransactionException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
