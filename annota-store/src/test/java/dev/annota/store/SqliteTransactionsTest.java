package dev.annota.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTransactionsTest {
    @TempDir
    Path dir;

    private static int users(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    private static void insertUser(Handle h, String id) {
        h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', 0)", id, "user-" + id);
    }

    @Test
    void a_committed_transaction_is_kept_and_a_failed_one_leaves_nothing() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            db.jdbi().useTransaction(h -> insertUser(h, "a"));
            assertThrows(IllegalStateException.class, () -> db.jdbi().useTransaction(h -> {
                insertUser(h, "b");
                throw new IllegalStateException("boom");
            }));
            assertEquals(1, users(db));
        }
    }

    @Test
    void a_nested_transaction_joins_the_outer_one_and_the_connection_is_in_auto_commit_afterwards() throws java.sql.SQLException {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            db.jdbi().useHandle(h -> {
                h.useTransaction(outer -> {
                    assertTrue(outer.isInTransaction());
                    insertUser(outer, "a");
                    outer.useTransaction(inner -> insertUser(inner, "b"));
                });
                assertFalse(h.isInTransaction());
                assertTrue(h.getConnection().getAutoCommit());
                insertUser(h, "c");
            });
            assertEquals(3, users(db));
        }
    }

    @Test
    void a_savepoint_rolls_back_only_what_followed_it() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            db.jdbi().useTransaction(h -> {
                insertUser(h, "a");
                h.savepoint("before_b");
                insertUser(h, "b");
                h.rollbackToSavepoint("before_b");
                h.releaseSavepoint("before_b");
            });
            assertEquals(1, users(db));
        }
    }

    @Test
    void concurrent_writers_queue_and_none_is_lost() throws InterruptedException {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            AtomicInteger failures = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = thread + "-" + i;
                        try {
                            db.jdbi().useTransaction(h -> insertUser(h, id));
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(0, failures.get());
            assertEquals(200, users(db));
        }
    }
}
