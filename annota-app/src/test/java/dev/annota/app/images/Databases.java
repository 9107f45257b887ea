package dev.annota.app.images;

import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fresh databases for the import tests (as the store's TestDatabases, whose test classes this module cannot
 * see): a SQLite file in a new folder, or a new database on one embedded PostgreSQL per JVM.
 */
final class Databases {
    private Databases() {
    }

    static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    /** A JDBC URL of a new, empty database (one shared embedded PostgreSQL server: the store's TestDatabases). */
    static String newUrl(String kind, Path dir) {
        return TestDatabases.newUrl(kind.equals("sqlite") ? Dialect.SQLITE : Dialect.POSTGRESQL);
    }

    static Database open(String url) {
        return TestDatabases.open(url);
    }

    static void project(Database db, String id) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                + "VALUES (:id, :id, :id, '', '{}', 0, 0)").bind("id", id).execute());
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
