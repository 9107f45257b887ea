package dev.annota.store.auth;

import java.time.Instant;
import java.util.Objects;

/** An unexpired login session: its enabled user and when it ends. */
public record ActiveSession(StoredUser user, Instant expiresAt) {
    public ActiveSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
