package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A yes/no attribute ({@link AttributeValue.Flag}). It always has a default ({@code defaultChecked}), so a
 * required checkbox only means that files must state it explicitly.
 */
public record CheckboxAttribute(String name, boolean required, boolean defaultChecked) implements AttributeSpec {
    public CheckboxAttribute {
        var errors = new ArrayList<FieldError>();
        name = AttributeChecks.name(name, errors);
        AttributeChecks.throwIfAny(errors);
    }

    /** An optional checkbox, unchecked by default. */
    public static CheckboxAttribute of(String name) {
        return new CheckboxAttribute(name, false, false);
    }

    @Override
    public Optional<AttributeValue> defaultValue() {
        return Optional.of(new AttributeValue.Flag(defaultChecked));
    }

    @Override
    public Optional<String> check(AttributeValue value) {
        return value instanceof AttributeValue.Flag ? Optional.empty() : Optional.of("expected true or false");
    }

    @Override
    public String typeName() {
        return "checkbox";
    }
}
