package dev.annota.store.auth;

import dev.annota.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens of users, found by the SHA-256 (hex) of the secret. */
public final class TokenStore {
    private final Jdbi jdbi;

    public TokenStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public void insert(StoredToken token) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at) "
                        + "VALUES (:id, :user, :name, :hash, :created, :used)")
                .bind("id", token.id()).bind("user", token.userId()).bind("name", token.name())
                .bind("hash", token.tokenHash()).bind("created", token.createdAt().toEpochMilli())
                .bind("used", token.lastUsedAt().map(Instant::toEpochMilli).orElse(null)).execute());
    }

    /** The tokens of one user, oldest first. */
    public List<StoredToken> list(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, name, token_hash, created_at, last_used_at FROM api_tokens "
                        + "WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", userId)
                .map((rs, ctx) -> {
                    long used = rs.getLong(6);
                    Optional<Instant> lastUsed = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(used));
                    return new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), lastUsed);
                })
                .list());
    }

    /** The enabled owner of a token, noting the time of use. */
    public Optional<StoredUser> findUser(String tokenHash, Instant now) {
        Optional<StoredUser> user = owner(tokenHash);
        user.ifPresent(u -> touch(tokenHash, now));
        return user;
    }

    /** The enabled owner of a token, without noting the use. */
    public Optional<StoredUser> owner(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + UserStore.COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                        + "WHERE t.token_hash = :hash AND u.disabled = 0")
                .bind("hash", tokenHash).map(UserStore::map).findOne());
    }

    /** Notes that the token was used at {@code now}. */
    public void touch(String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", now.toEpochMilli()).bind("hash", tokenHash).execute());
    }

    /** Deletes a token of {@code userId}; false when that user has no such token. */
    public boolean delete(String id, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId).execute()) > 0;
    }

    /** Deletes every token of a user (when the account is disabled). */
    public int deleteForUser(String userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE user_id = :user").bind("user", userId).execute());
    }
}
