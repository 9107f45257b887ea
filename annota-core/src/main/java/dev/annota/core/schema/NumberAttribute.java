package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalDouble;

/** A numeric attribute ({@link AttributeValue.Numeric}), optionally bounded (inclusive) and whole-numbered. */
public record NumberAttribute(String name, OptionalDouble min, OptionalDouble max, boolean integer, boolean required,
        OptionalDouble defaultNumber) implements AttributeSpec {
    public NumberAttribute {
        var errors = new ArrayList<FieldError>();
        name = AttributeChecks.name(name, errors);
        if (min.isPresent() && !Double.isFinite(min.getAsDouble())) {
            errors.add(FieldError.of("min", min.getAsDouble(), "expected a finite number"));
        }
        if (max.isPresent() && !Double.isFinite(max.getAsDouble())) {
            errors.add(FieldError.of("max", max.getAsDouble(), "expected a finite number"));
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            errors.add(FieldError.of("max", max.getAsDouble(), "expected a maximum >= the minimum " + min.getAsDouble()));
        }
        if (defaultNumber.isPresent()) {
            if (Double.isFinite(defaultNumber.getAsDouble())) {
                AttributeValue d = new AttributeValue.Numeric(defaultNumber.getAsDouble());
                AttributeChecks.defaultFits(fits(min, max, integer, d), d, errors);
            } else {
                errors.add(FieldError.of("default", defaultNumber.getAsDouble(), "expected a finite number"));
            }
        }
        AttributeChecks.throwIfAny(errors);
    }

    /** An optional number in {@code [min, max]} without a default. */
    public static NumberAttribute between(String name, double min, double max) {
        return new NumberAttribute(name, OptionalDouble.of(min), OptionalDouble.of(max), false, false, OptionalDouble.empty());
    }

    /** An optional whole number in {@code [min, max]} without a default. */
    public static NumberAttribute integerBetween(String name, int min, int max) {
        return new NumberAttribute(name, OptionalDouble.of(min), OptionalDouble.of(max), true, false, OptionalDouble.empty());
    }

    @Override
    public Optional<AttributeValue> defaultValue() {
        return defaultNumber.isPresent() ? Optional.of(new AttributeValue.Numeric(defaultNumber.getAsDouble())) : Optional.empty();
    }

    @Override
    public Optional<String> check(AttributeValue value) {
        return fits(min, max, integer, value);
    }

    @Override
    public String typeName() {
        return "number";
    }

    private static Optional<String> fits(OptionalDouble min, OptionalDouble max, boolean integer, AttributeValue value) {
        String expected = "expected " + (integer ? "a whole number" : "a number") + range(min, max);
        if (!(value instanceof AttributeValue.Numeric n)) {
            return Optional.of(expected);
        }
        double v = n.value();
        boolean ok = (!integer || v == Math.rint(v))
                && (min.isEmpty() || v >= min.getAsDouble())
                && (max.isEmpty() || v <= max.getAsDouble());
        return ok ? Optional.empty() : Optional.of(expected);
    }

    private static String range(OptionalDouble min, OptionalDouble max) {
        if (min.isPresent() && max.isPresent()) {
            return " in [" + num(min.getAsDouble()) + ", " + num(max.getAsDouble()) + "]";
        }
        if (min.isPresent()) {
            return " >= " + num(min.getAsDouble());
        }
        return max.isPresent() ? " <= " + num(max.getAsDouble()) : "";
    }

    private static String num(double v) {
        return new AttributeValue.Numeric(v).display();
    }
}
