package dev.annota.core.annotation;

import dev.annota.core.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/** Who made an annotation: a person (maybe unknown, as in most imported files) or a model. */
public sealed interface Source {

    /** A person, unknown. */
    static Source human() {
        return Human.UNKNOWN;
    }

    /** A named person. */
    static Source human(String user) {
        return new Human(Optional.of(user));
    }

    static Source model(String name, String version) {
        return new Model(name, version);
    }

    /** A person; {@code user} is empty when the file or request did not say who. */
    record Human(Optional<String> user) implements Source {
        static final Human UNKNOWN = new Human(Optional.empty());

        public Human {
            Objects.requireNonNull(user, "user");
            if (user.isPresent() && user.get().isBlank()) {
                throw ValidationException.of("source.user", user.get(), "expected a non-blank user name");
            }
        }
    }

    /** A model, by name and version, e.g. {@code yolox-nano} {@code 2024-05-01}. */
    record Model(String name, String version) implements Source {
        public Model {
            if (name == null || name.isBlank()) {
                throw ValidationException.of("source.model", name, "expected a non-blank model name");
            }
            if (version == null || version.isBlank()) {
                throw ValidationException.of("source.version", version, "expected a non-blank model version");
            }
        }
    }
}
