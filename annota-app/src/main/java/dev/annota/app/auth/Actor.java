package dev.annota.app.auth;

import java.util.Objects;

/** Who is making a request: a signed-in user (by session or API token) with their global role. */
public record Actor(String userId, String username, GlobalRole role) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == GlobalRole.ADMIN;
    }
}
