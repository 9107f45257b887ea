package dev.annota.store.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: when, who (empty for the system or an anonymous caller), what action (for example
 * {@code user.create}), on what target (for example {@code user:<id>}) and a short human-readable detail.
 */
public record AuditEntry(String id, Instant at, Optional<String> userId, String action, String target, String detail) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }
}
