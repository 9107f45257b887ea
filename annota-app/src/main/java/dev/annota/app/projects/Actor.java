package dev.annota.app.projects;

import java.util.Objects;

/**
 * Who asks: a user id and the user's global role. The server builds it from the session or API token and
 * passes it to every use case, which checks what the actor may do.
 */
public record Actor(String userId, Role role) {
    /** The global role of a user; per-project roles come from {@link MembershipLookup}. */
    public enum Role {
        ADMIN, USER
    }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }

    public static Actor admin(String userId) {
        return new Actor(userId, Role.ADMIN);
    }

    public static Actor user(String userId) {
        return new Actor(userId, Role.USER);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
