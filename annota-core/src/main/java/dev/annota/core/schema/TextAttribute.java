package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A free-text attribute ({@link AttributeValue.Text}) of at most {@code maxLength} characters (Unicode code
 * points). A required text attribute needs a non-blank value.
 */
public record TextAttribute(String name, int maxLength, boolean required, Optional<String> defaultText)
        implements AttributeSpec {
    /** The longest text allowed when none is given. */
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public TextAttribute {
        var errors = new ArrayList<FieldError>();
        name = AttributeChecks.name(name, errors);
        if (maxLength < 1) {
            errors.add(FieldError.of("max_length", maxLength, "expected a maximum length of at least 1"));
        } else if (defaultText.isPresent()) {
            AttributeValue d = new AttributeValue.Text(defaultText.get());
            AttributeChecks.defaultFits(fits(maxLength, required, d), d, errors);
        }
        AttributeChecks.throwIfAny(errors);
    }

    /** An optional text of at most {@link #DEFAULT_MAX_LENGTH} characters without a default. */
    public static TextAttribute of(String name) {
        return new TextAttribute(name, DEFAULT_MAX_LENGTH, false, Optional.empty());
    }

    @Override
    public Optional<AttributeValue> defaultValue() {
        return defaultText.map(AttributeValue.Text::new);
    }

    @Override
    public Optional<String> check(AttributeValue value) {
        return fits(maxLength, required, value);
    }

    @Override
    public String typeName() {
        return "text";
    }

    private static Optional<String> fits(int maxLength, boolean required, AttributeValue value) {
        if (!(value instanceof AttributeValue.Text t)) {
            return Optional.of("expected a text");
        }
        if (t.value().codePointCount(0, t.value().length()) > maxLength) {
            return Optional.of("expected a text of at most " + maxLength + " characters");
        }
        if (required && t.value().isBlank()) {
            return Optional.of("expected a non-blank text");
        }
        return Optional.empty();
    }
}
