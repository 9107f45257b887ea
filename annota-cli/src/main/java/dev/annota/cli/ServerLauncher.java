package dev.annota.cli;

import dev.annota.app.auth.FirstAdmin;
import dev.annota.core.error.AnnotaException;
import dev.annota.server.AnnotaServer;
import dev.annota.server.ServerConfig;
import dev.annota.store.Database;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * What {@code annota serve} and {@code annota demo} share: open the database, create the first admin when there is
 * no user yet (password from {@value #ADMIN_PASSWORD_ENV}, else a generated one printed once), start the server,
 * and wait for Ctrl-C.
 */
final class ServerLauncher {
    static final String ADMIN_PASSWORD_ENV = "ANNOTA_ADMIN_PASSWORD";

    private ServerLauncher() {
    }

    /** Where the database is: a JDBC URL and, for PostgreSQL, the user and password (empty for SQLite). */
    record DatabaseSettings(String url, String user, String password) {
        DatabaseSettings {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /** The open database, the running server and the admin this start created, if it created one. */
    record Running(Database db, AnnotaServer server, Optional<FirstAdmin.Created> createdAdmin) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                db.close();
            }
        }
    }

    /** Opens the database, ensures the first admin and starts listening; a port or host it cannot use is bad input. */
    static Running start(DatabaseSettings settings, ServerConfig config, UnaryOperator<String> environment) {
        Database database = Database.open(settings.url(), settings.user(), settings.password());
        try {
            AnnotaServer server = AnnotaServer.create(config, database);
            Optional<String> envPassword = Optional.ofNullable(environment.apply(ADMIN_PASSWORD_ENV)).filter(s -> !s.isEmpty());
            Optional<FirstAdmin.Created> created = server.context().auth().firstAdmin().ensure(envPassword);
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new AnnotaException("cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e)
                        + " (expected a free port and an address of this machine)", e);
            }
            return new Running(database, server, created);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Prints how to sign in as the admin this start created (nothing when the admin existed already). */
    static void printAdmin(Optional<FirstAdmin.Created> created, PrintWriter out) {
        created.ifPresent(c -> {
            if (c.generated()) {
                out.println("First start: created the admin account.");
                out.println("  user name: " + c.user().username());
                out.println("  password:  " + c.password());
                out.println("  This password is shown only this once. Sign in and change it (POST /api/v1/auth/password).");
            } else {
                out.println("First start: created the admin account '" + c.user().username() + "' with the password from "
                        + ADMIN_PASSWORD_ENV + ".");
            }
        });
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then stops the server and closes the database. */
    static void runUntilStopped(Running running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "annota-shutdown"));
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
