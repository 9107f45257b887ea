package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Construction checks shared by the {@link AttributeSpec} records. */
final class AttributeChecks {
    private AttributeChecks() {
    }

    static String name(String name, List<FieldError> errors) {
        Objects.requireNonNull(name, "name");
        if (Names.isBlank(name)) {
            errors.add(FieldError.of("name", name, "expected a non-blank attribute name"));
        }
        return Names.display(name);
    }

    static List<String> options(List<String> options, List<FieldError> errors) {
        List<String> copy = List.copyOf(options);
        if (copy.isEmpty()) {
            errors.add(FieldError.of("options", "[]", "expected at least one option"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            String option = copy.get(i);
            if (option.isBlank()) {
                errors.add(FieldError.of("options[" + i + "]", option, "expected a non-blank option"));
            } else if (!seen.add(option)) {
                errors.add(FieldError.of("options[" + i + "]", option, "expected each option once"));
            }
        }
        return copy;
    }

    /** Adds an error for the {@code default} field when the default does not fit. */
    static void defaultFits(Optional<String> problem, AttributeValue value, List<FieldError> errors) {
        problem.ifPresent(expected -> errors.add(FieldError.of("default", value.display(), expected)));
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
