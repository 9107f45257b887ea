package dev.annota.core.error;

import java.util.List;

/** A value broke a rule; carries every {@link FieldError} found, the first one in the message. */
public class ValidationException extends AnnotaException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    public static ValidationException of(String field, Object value, String expected) {
        return new ValidationException(FieldError.of(field, value, expected));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same errors, each located in {@code where}. */
    public ValidationException at(String where) {
        return new ValidationException(errors.stream().map(e -> e.at(where)).toList());
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one error");
        }
        String first = errors.get(0).message();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
