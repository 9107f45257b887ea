package dev.annota.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh databases for tests: a SQLite file in a new temporary folder, or a new database on one real
 * PostgreSQL server started (once per JVM) from the binaries Maven ships.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The dialects every store test runs against. */
    public static Stream<Dialect> dialects() {
        return Stream.of(Dialect.SQLITE, Dialect.POSTGRESQL);
    }

    public static Database open(Dialect dialect) {
        return open(newUrl(dialect));
    }

    /**
     * The JDBC URL of a new, empty database (on PostgreSQL the URL names the user {@code postgres}, no
     * password), for tests that hand the database to another process.
     */
    public static String newUrl(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> Database.sqliteUrl(tempDir());
            case POSTGRESQL -> {
                EmbeddedPostgres pg = postgres();
                String name = "annota_test_" + COUNTER.incrementAndGet();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database " + name, e);
                }
                yield pg.getJdbcUrl("postgres", name);
            }
        };
    }

    /** Opens a URL made by {@link #newUrl}. */
    public static Database open(String url) {
        return Database.open(url, url.startsWith("jdbc:postgresql:") ? "postgres" : "", "");
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

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("annota-sqlite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
