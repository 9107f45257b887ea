package dev.annota.app.workflow;

import java.util.Objects;

/**
 * Who calls a workflow use case: a user id and whether the user is a global admin (admins may do everything).
 * The server builds it from the session or API token.
 */
public record Actor(String userId, boolean admin) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("an actor has a user id");
        }
    }

    public static Actor user(String userId) {
        return new Actor(userId, false);
    }

    public static Actor admin(String userId) {
        return new Actor(userId, true);
    }
}
