package dev.annota.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            assertEquals(Dialect.SQLITE, db.dialect());
            assertEquals("wal", db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
            assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()));
            assertTrue(db.jdbi().withHandle(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()) >= 30000);
            // synchronous=NORMAL is 1
            assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()));
        }
    }

    @Test
    void reopening_an_existing_database_keeps_its_data_and_migrates_nothing_twice() {
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES ('u', 'ana', 'x', 'admin', 0)"));
        }
        try (Database db = Database.open(Database.sqliteUrl(dir), "", "")) {
            assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one()));
        }
    }

    @Test
    void an_unknown_database_url_names_the_option() {
        ValidationException e = assertThrows(ValidationException.class, () -> Database.open("jdbc:mysql://x/y", "", ""));
        assertTrue(e.getMessage().contains("--db") && e.getMessage().contains("jdbc:mysql://x/y"), e.getMessage());
    }
}
