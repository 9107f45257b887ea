package dev.annota.store.auth;

import java.util.Objects;
import java.util.Optional;

/** What an update changes in a user row; an empty field stays as it is. */
public record UserChange(Optional<String> role, Optional<Boolean> disabled, Optional<String> passwordHash) {
    public UserChange {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabled, "disabled");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public boolean isEmpty() {
        return role.isEmpty() && disabled.isEmpty() && passwordHash.isEmpty();
    }
}
