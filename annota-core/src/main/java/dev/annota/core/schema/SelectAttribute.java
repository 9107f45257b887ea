package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An attribute whose value is exactly one of a list of options (a {@link AttributeValue.Text}). */
public record SelectAttribute(String name, List<String> options, boolean required, Optional<String> defaultOption)
        implements AttributeSpec {
    public SelectAttribute {
        var errors = new ArrayList<FieldError>();
        name = AttributeChecks.name(name, errors);
        options = AttributeChecks.options(options, errors);
        List<String> opts = options;
        defaultOption.ifPresent(d -> AttributeChecks.defaultFits(fits(opts, new AttributeValue.Text(d)),
                new AttributeValue.Text(d), errors));
        AttributeChecks.throwIfAny(errors);
    }

    /** An optional select without a default. */
    public static SelectAttribute of(String name, List<String> options) {
        return new SelectAttribute(name, options, false, Optional.empty());
    }

    @Override
    public Optional<AttributeValue> defaultValue() {
        return defaultOption.map(AttributeValue.Text::new);
    }

    @Override
    public Optional<String> check(AttributeValue value) {
        return fits(options, value);
    }

    @Override
    public String typeName() {
        return "select";
    }

    private static Optional<String> fits(List<String> options, AttributeValue value) {
        if (value instanceof AttributeValue.Text t && options.contains(t.value())) {
            return Optional.empty();
        }
        return Optional.of("expected one of " + options);
    }
}
