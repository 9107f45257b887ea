package dev.annota.store.auth;

import java.time.Instant;
import java.util.Objects;

/** A user row: the password only as its PHC hash string, the global role by its wire name. */
public record StoredUser(String id, String username, String passwordHash, String role, boolean disabled,
                         Instant createdAt) {
    public StoredUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
