package dev.annota.store.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An API token row: its name, owner and times; the secret only as its SHA-256 hash (hex). */
public record StoredToken(String id, String userId, String name, String tokenHash, Instant createdAt,
                          Optional<Instant> lastUsedAt) {
    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
