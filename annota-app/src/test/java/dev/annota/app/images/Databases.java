package dev.annota.app.images;

import dev.annota.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for the import tests (as the store's TestDatabases, whose test classes this module cannot
 * see): a SQLite file in a new folder, or a new database on one embedded PostgreSQL per JVM.
 */
final class Databases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    /** A JDBC URL (with user {@code postgres} and no password on PostgreSQL) of a new, empty database. */
    static String newUrl(String kind, Path dir) {
        if (kind.equals("sqlite")) {
            return Database.sqliteUrl(dir.resolve("db-" + COUNTER.incrementAndGet()));
        }
        EmbeddedPostgres pg = postgres();
        String name = "annota_images_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    static Database open(String url) {
        return Database.open(url, url.startsWith("jdbc:postgresql:") ? "postgres" : "", "");
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

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }));
        }
        return postgres;
    }
}
