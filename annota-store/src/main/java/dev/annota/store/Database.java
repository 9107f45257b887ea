package dev.annota.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a connection pool, the schema brought up to date by Flyway, and a {@link Jdbi} handle.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=NORMAL} (a committed transaction survives a killed
 * process), foreign keys on, a busy timeout, and {@code BEGIN IMMEDIATE} transactions so that two writers
 * queue instead of failing. PostgreSQL runs with its defaults. The same migrations serve both: text ids made by
 * the application, times as epoch milliseconds, JSON as text.
 */
public final class Database implements AutoCloseable {
    private static final long BUSY_TIMEOUT_MS = 30_000;
    /** Groups of writes that commit side by side on PostgreSQL (SQLite has one writer at a time). */
    private static final int POSTGRES_GROUPS = 4;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final GroupCommit groupCommit;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(pool);
        if (dialect == Dialect.SQLITE) {
            jdbi.setTransactionHandler(new SqliteTransactions(BUSY_TIMEOUT_MS));
        }
        this.groupCommit = new GroupCommit(jdbi, dialect == Dialect.SQLITE ? 1 : POSTGRES_GROUPS);
    }

    /** The default database of a data folder: {@code <data>/annota.db}. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("annota.db").toAbsolutePath();
    }

    /** Opens {@code url} (user and password may be empty) and migrates it to the current schema. */
    public static Database open(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        Dialect dialect = Dialect.of(url);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setPoolName("annota");
        if (dialect == Dialect.SQLITE) {
            createParent(url);
            cfg.setMaximumPoolSize(8);
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "NORMAL");
            cfg.addDataSourceProperty("foreign_keys", "true");
            cfg.addDataSourceProperty("busy_timeout", Long.toString(BUSY_TIMEOUT_MS));
            cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            cfg.setMaximumPoolSize(16);
            if (user != null && !user.isEmpty()) {
                cfg.setUsername(user);
            }
            if (password != null && !password.isEmpty()) {
                cfg.setPassword(password);
            }
        }
        HikariDataSource pool = new HikariDataSource(cfg);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    private static void createParent(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    /**
     * Runs {@code work} on one connection: every repository call it makes on this thread (over this database)
     * shares that connection instead of taking its own from the pool; transactions inside it are unchanged.
     * A request's several reads and its write then cost one pool check-out.
     */
    public <T> T onOneConnection(Supplier<T> work) {
        return jdbi.withHandle(h -> work.get());
    }

    /**
     * Runs {@code work} in a transaction shared with the concurrent callers of this method and returns its
     * result once that transaction is committed ({@link GroupCommit}: one commit, one flush for them all). The work
     * must change the database only through its handle and report expected outcomes by its result: if it throws,
     * the group is rolled back and each of its units runs again alone. {@code key} names the rows it writes (within
     * a group, units run in key order, so groups committing side by side never deadlock). Inside a transaction
     * already open on this thread it simply runs in that transaction.
     */
    public <T> T inGroupedTransaction(String key, Function<Handle, T> work) {
        return groupCommit.run(key, work);
    }

    GroupCommit groupCommit() {
        return groupCommit;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        pool.close();
    }
}
