package dev.annota.app.auth;

import dev.annota.store.auth.StoredUser;
import java.time.Instant;
import java.util.Objects;

/** A user as the API shows it (never the password hash). */
public record UserInfo(String id, String username, GlobalRole role, boolean disabled, Instant createdAt) {
    public UserInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static UserInfo of(StoredUser u) {
        return new UserInfo(u.id(), u.username(), GlobalRole.parse("role", u.role()), u.disabled(), u.createdAt());
    }

    Actor actor() {
        return new Actor(id, username, role);
    }
}
