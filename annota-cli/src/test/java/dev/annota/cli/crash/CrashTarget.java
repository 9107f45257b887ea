package dev.annota.cli.crash;

import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a crashed server keeps its state across restarts: a data folder, and either SQLite inside it or a fresh
 * database on this JVM's embedded PostgreSQL (which lives in the test JVM, so killing the server child leaves
 * it running). Gives the server's command-line options and opens the same database for checking.
 */
record CrashTarget(Dialect dialect, Path dataDir, Optional<String> postgresUrl) {
    static CrashTarget fresh(Dialect dialect) {
        try {
            Path data = Files.createTempDirectory("annota-crash-");
            return new CrashTarget(dialect, data, dialect == Dialect.POSTGRESQL
                    ? Optional.of(TestDatabases.newUrl(Dialect.POSTGRESQL)) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --port 0 --data DIR}, and on PostgreSQL {@code --db URL --db-user postgres}. */
    List<String> serverOptions() {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data", dataDir.toString()));
        postgresUrl.ifPresent(url -> args.addAll(List.of("--db", url, "--db-user", "postgres")));
        return args;
    }

    /** Opens the server's database from the test JVM (while the server runs, or after it died). */
    Database open() {
        return TestDatabases.open(postgresUrl.orElse(Database.sqliteUrl(dataDir)));
    }

    Path logs() {
        return dataDir.resolveSibling(dataDir.getFileName() + "-logs");
    }
}
