package dev.annota.store.auth;

import dev.annota.store.Database;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Login sessions, keyed by the SHA-256 (hex) of the cookie value; the value itself is never stored. */
public final class SessionStore {
    private final Jdbi jdbi;

    public SessionStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public void create(String tokenHash, String userId, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                        + "VALUES (:hash, :user, :created, :expires)")
                .bind("hash", tokenHash).bind("user", userId).bind("created", createdAt.toEpochMilli())
                .bind("expires", expiresAt.toEpochMilli()).execute());
    }

    /** The enabled user of an unexpired session. */
    public Optional<StoredUser> findUser(String tokenHash, Instant now) {
        return findActive(tokenHash, now).map(ActiveSession::user);
    }

    /** An unexpired session of an enabled user, with its end. */
    public Optional<ActiveSession> findActive(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + UserStore.COLUMNS + ", s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.token_hash = :hash AND s.expires_at > :now AND u.disabled = 0")
                .bind("hash", tokenHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new ActiveSession(UserStore.map(rs, ctx), Instant.ofEpochMilli(rs.getLong(7)))).findOne());
    }

    /** Ends one session; false when there was none. */
    public boolean delete(String tokenHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute()) > 0;
    }

    /** Ends every session of a user (after a password reset or when the account is disabled). */
    public int deleteForUser(String userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute());
    }

    /** Forgets sessions that expired before {@code now}. */
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute());
    }
}
