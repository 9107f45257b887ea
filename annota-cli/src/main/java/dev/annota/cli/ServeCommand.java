package dev.annota.cli;

import dev.annota.app.auth.FirstAdmin;
import dev.annota.server.AnnotaServer;
import dev.annota.server.ServerConfig;
import dev.annota.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    static final String ADMIN_PASSWORD_ENV = "ANNOTA_ADMIN_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: images, the default database (default: annota-data).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "Database URL: jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB (default: SQLite in DIR/annota.db).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (PostgreSQL).")
    String dbPassword;

    /** The environment; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    /** The open database and the running server; closing stops the server and then closes the database. */
    record Running(Database db, AnnotaServer server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                db.close();
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running = start(spec.commandLine().getOut());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "annota-shutdown"));
        stopped.await();
        return 0;
    }

    /** Opens the database, creates the first admin if there is no user, starts the server and says where it is. */
    Running start(PrintWriter out) {
        if (port < 0 || port > 65535) {
            throw dev.annota.core.error.ValidationException.of("--port", port, "expected a port from 0 to 65535");
        }
        Path dataDir = (data != null ? data : Path.of(System.getProperty("annota.data", "annota-data"))).toAbsolutePath();
        String url = db != null ? db : Database.sqliteUrl(dataDir);
        Database database = Database.open(url, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword);
        try {
            AnnotaServer server = AnnotaServer.create(ServerConfig.of(dataDir, port), database);
            Optional<String> envPassword = Optional.ofNullable(environment.apply(ADMIN_PASSWORD_ENV)).filter(s -> !s.isEmpty());
            Optional<FirstAdmin.Created> created = server.context().auth().firstAdmin().ensure(envPassword);
            server.start();
            created.ifPresent(c -> printAdmin(c, out));
            out.println("Annota is running at " + server.baseUrl() + "/  (API " + server.apiUrl() + ", data " + dataDir + ")");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            return new Running(database, server);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void printAdmin(FirstAdmin.Created c, PrintWriter out) {
        if (c.generated()) {
            out.println("First start: created the admin account.");
            out.println("  user name: " + c.user().username());
            out.println("  password:  " + c.password());
            out.println("  This password is shown only this once. Sign in and change it (POST /api/v1/auth/password).");
        } else {
            out.println("First start: created the admin account '" + c.user().username() + "' with the password from "
                    + ADMIN_PASSWORD_ENV + ".");
        }
    }
}
