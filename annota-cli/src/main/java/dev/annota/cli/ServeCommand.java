package dev.annota.cli;

import dev.annota.core.error.ValidationException;
import dev.annota.server.ServerConfig;
import dev.annota.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota serve}: opens the database, creates the first admin on first start, and serves the API until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Annota server.", "",
                "The first start creates the account 'admin' and prints its one-time password (or takes it from the",
                "environment variable ANNOTA_ADMIN_PASSWORD). Stop the server with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST, description = "Address to listen "
            + "on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network interface).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: images, the default database (default: annota-data).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "Database URL: jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB (default: SQLite in DIR/annota.db).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (PostgreSQL).")
    String dbPassword;

    @Option(names = "--import-root", paramLabel = "DIR", description = "The only folder whose folders and zips may be "
            + "imported from the server's disk (default: none, such imports are refused).")
    Path importRoot;

    @Option(names = "--max-upload", paramLabel = "SIZE", description = "Largest multipart image upload, e.g. 500MB or 2GiB "
            + "(default: 2GiB).")
    String maxUpload;

    /** The environment; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public Integer call() throws InterruptedException {
        ServerLauncher.runUntilStopped(start(spec.commandLine().getOut()));
        return 0;
    }

    /** Checks the options, starts the server and says where it is and how to sign in. */
    ServerLauncher.Running start(PrintWriter out) {
        ServerConfig config = config();
        String url = db != null ? db : Database.sqliteUrl(config.dataDir());
        ServerLauncher.Running running = ServerLauncher.start(new ServerLauncher.DatabaseSettings(url,
                dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword), config, environment);
        ServerLauncher.printAdmin(running.createdAdmin(), out);
        out.println("Annota is running at " + running.server().baseUrl() + "/  (API " + running.server().apiUrl() + ", data "
                + config.dataDir() + ")");
        out.println(config.importRoot().map(r -> "Server-side imports read from " + r + " only.")
                .orElse("Server-side imports are off (start with --import-root DIR to allow them)."));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return running;
    }

    /** The server configuration the options describe; a bad value is bad input naming the option. */
    ServerConfig config() {
        Path dataDir = (data != null ? data : Path.of(System.getProperty("annota.data", "annota-data"))).toAbsolutePath();
        ServerConfig config = ServerConfig.of(dataDir, checkedPort(port)).withHost(checkedHost(host));
        if (maxUpload != null) {
            long bytes = Args.bytes("--max-upload", maxUpload);
            if (bytes < 1024) {
                throw ValidationException.of("--max-upload", maxUpload, "expected at least 1KiB");
            }
            config = config.withMaxUploadBytes(bytes);
        }
        if (importRoot != null) {
            if (!Files.isDirectory(importRoot)) {
                throw ValidationException.of("--import-root", importRoot, "expected an existing folder");
            }
            config = config.withImportRoot(importRoot.toAbsolutePath().normalize());
        }
        return config;
    }

    static int checkedPort(int port) {
        if (port < 0 || port > 65535) {
            throw ValidationException.of("--port", port, "expected a port from 0 to 65535");
        }
        return port;
    }

    static String checkedHost(String host) {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw ValidationException.of("--host", host, "expected a host name or IP address, e.g. localhost or 0.0.0.0");
        }
        return host;
    }
}
