package dev.annota.cli;

import dev.annota.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --db}: the data folder and the database of commands that work on it locally. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: images, models, the default database (default: annota-data).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "Database URL: jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB (default: SQLite in DIR/annota.db).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (PostgreSQL).")
    String dbPassword;

    Path dataDir() {
        return (data != null ? data : Path.of(System.getProperty("annota.data", "annota-data"))).toAbsolutePath();
    }

    Database open() {
        String url = db != null ? db : Database.sqliteUrl(dataDir());
        return Database.open(url, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword);
    }
}
