package dev.annota.store.auth;

import dev.annota.core.error.ConflictException;
import dev.annota.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code users} table. User names are unique ignoring case. */
public final class UserStore {
    static final String COLUMNS = "u.id, u.username, u.password_hash, u.role, u.disabled, u.created_at";
    private final Jdbi jdbi;

    public UserStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Inserts a new user; a name already taken (in any case) is a {@link ConflictException}. */
    public void insert(StoredUser user) {
        try {
            jdbi.useTransaction(h -> {
                boolean taken = h.createQuery("SELECT COUNT(*) FROM users WHERE LOWER(username) = LOWER(:name)")
                        .bind("name", user.username()).mapTo(Integer.class).one() > 0;
                if (taken) {
                    throw taken(user.username());
                }
                h.createUpdate("INSERT INTO users (id, username, password_hash, role, disabled, created_at) "
                                + "VALUES (:id, :name, :hash, :role, :disabled, :at)")
                        .bind("id", user.id()).bind("name", user.username()).bind("hash", user.passwordHash())
                        .bind("role", user.role()).bind("disabled", user.disabled() ? 1 : 0)
                        .bind("at", user.createdAt().toEpochMilli()).execute();
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw taken(user.username());
            }
            throw e;
        }
    }

    private static ConflictException taken(String name) {
        return new ConflictException("user name '" + name + "' is already taken");
    }

    public Optional<StoredUser> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id).map(UserStore::map).findOne());
    }

    /** The user with this name, ignoring case. */
    public Optional<StoredUser> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE LOWER(u.username) = LOWER(:name)")
                .bind("name", username).map(UserStore::map).findOne());
    }

    /** Every user, by name. */
    public List<StoredUser> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u ORDER BY LOWER(u.username), u.id")
                .map(UserStore::map).list());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    /** How many enabled users have this global role. */
    public long countEnabled(String role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = :role AND disabled = 0")
                .bind("role", role).mapTo(Long.class).one());
    }

    /** Applies {@code change} in one transaction; false when there is no such user. */
    public boolean update(String id, UserChange change) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE users SET id = id WHERE id = :id").bind("id", id).execute();
            if (rows == 0) {
                return false;
            }
            change.role().ifPresent(r -> h.createUpdate("UPDATE users SET role = :r WHERE id = :id")
                    .bind("r", r).bind("id", id).execute());
            change.disabled().ifPresent(d -> h.createUpdate("UPDATE users SET disabled = :d WHERE id = :id")
                    .bind("d", d ? 1 : 0).bind("id", id).execute());
            change.passwordHash().ifPresent(p -> h.createUpdate("UPDATE users SET password_hash = :p WHERE id = :id")
                    .bind("p", p).bind("id", id).execute());
            return true;
        });
    }

    static StoredUser map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                Instant.ofEpochMilli(rs.getLong(6)));
    }
}
