package dev.annota.store.auth;

import java.time.Instant;
import java.util.Objects;

/** A project membership with the member's user name; the role by its wire name. */
public record StoredMember(String projectId, String userId, String username, String role, Instant addedAt) {
    public StoredMember {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
