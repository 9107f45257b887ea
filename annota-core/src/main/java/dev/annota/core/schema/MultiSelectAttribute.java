package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An attribute whose value is any subset of a list of options (a {@link AttributeValue.Choices}). A
 * required multi-select needs at least one chosen option. An empty {@code defaultOptions} means no default.
 */
public record MultiSelectAttribute(String name, List<String> options, boolean required, List<String> defaultOptions)
        implements AttributeSpec {
    public MultiSelectAttribute {
        var errors = new ArrayList<FieldError>();
        name = AttributeChecks.name(name, errors);
        options = AttributeChecks.options(options, errors);
        defaultOptions = new AttributeValue.Choices(defaultOptions).values();
        if (!defaultOptions.isEmpty()) {
            AttributeValue d = new AttributeValue.Choices(defaultOptions);
            AttributeChecks.defaultFits(fits(options, required, d), d, errors);
        }
        AttributeChecks.throwIfAny(errors);
    }

    /** An optional multi-select without a default. */
    public static MultiSelectAttribute of(String name, List<String> options) {
        return new MultiSelectAttribute(name, options, false, List.of());
    }

    @Override
    public Optional<AttributeValue> defaultValue() {
        return defaultOptions.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.Choices(defaultOptions));
    }

    @Override
    public Optional<String> check(AttributeValue value) {
        return fits(options, required, value);
    }

    @Override
    public String typeName() {
        return "multi_select";
    }

    private static Optional<String> fits(List<String> options, boolean required, AttributeValue value) {
        String expected = "expected a selection from " + options;
        if (!(value instanceof AttributeValue.Choices c) || !options.containsAll(c.values())) {
            return Optional.of(expected);
        }
        if (required && c.values().isEmpty()) {
            return Optional.of("expected at least one option from " + options);
        }
        return Optional.empty();
    }
}
