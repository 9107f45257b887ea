package dev.annota.core.schema;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The value of one attribute on an annotation. A small typed family instead of {@code Object}: a select or
 * text attribute holds {@link Text}, a number attribute {@link Numeric}, a checkbox {@link Flag}, a
 * multi-select {@link Choices}. Whether a value fits its attribute is decided by {@link AttributeSpec#check}.
 */
public sealed interface AttributeValue {

    /** The value as written in files and error messages. */
    String display();

    static AttributeValue of(String text) {
        return new Text(text);
    }

    static AttributeValue of(double number) {
        return new Numeric(number);
    }

    static AttributeValue of(boolean flag) {
        return new Flag(flag);
    }

    static AttributeValue ofChoices(List<String> choices) {
        return new Choices(choices);
    }

    /** A string: the chosen option of a select attribute, or free text. */
    record Text(String value) implements AttributeValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** A finite number. */
    record Numeric(double value) implements AttributeValue {
        public Numeric {
            if (!Double.isFinite(value)) {
                throw ValidationException.of("value", value, "expected a finite number");
            }
        }

        @Override
        public String display() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** A checkbox state. */
    record Flag(boolean value) implements AttributeValue {
        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    /**
     * The chosen options of a multi-select attribute: a set, kept sorted so that equal selections are equal
     * values and are written in a stable order. Duplicates collapse.
     */
    record Choices(List<String> values) implements AttributeValue {
        public Choices {
            values = List.copyOf(new TreeSet<>(new ArrayList<>(values)));
        }

        @Override
        public String display() {
            return values.toString();
        }
    }
}
