package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.MultiSelectAttribute;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.TextAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * CVAT attribute declarations ({@code input_type}, {@code default_value}, {@code values}) to Annota attribute
 * specs and back, and attribute values typed by their spec.
 *
 * <p>{@code values} lists options one per line (CVAT) or separated by spaces (older files); for a number it
 * holds {@code min max step}, and a whole step with a whole minimum means whole numbers. CVAT has no
 * required attributes, no text length limit and no multi-select: the writer reports those.
 */
final class CvatAttributes {
    private CvatAttributes() {
    }

    /** The spec of a declared attribute; a declaration that does not fit is read as well as it can and reported. */
    static Optional<AttributeSpec> spec(CvatMeta.AttributeDecl d, Consumer<FieldError> warn) {
        if (d.name().isBlank()) {
            warn.accept(new FieldError(d.location(), "attribute.name", d.name(), "expected a non-blank attribute name; attribute ignored"));
            return Optional.empty();
        }
        String def = d.defaultValue().strip();
        try {
            return Optional.of(switch (d.inputType()) {
                case "select", "radio" -> select(d, def, warn);
                case "checkbox" -> checkbox(d, def, warn);
                case "number" -> number(d, def, warn);
                case "text" -> new TextAttribute(d.name(), TextAttribute.DEFAULT_MAX_LENGTH, false,
                        def.isEmpty() ? Optional.empty() : Optional.of(def));
                default -> {
                    warn.accept(new FieldError(d.location(), "attribute.input_type", d.inputType(),
                            "expected select, radio, checkbox, number or text; attribute \"" + d.name() + "\" read as text"));
                    yield TextAttribute.of(d.name());
                }
            });
        } catch (ValidationException e) {
            warn.accept(new FieldError(d.location(), "attribute." + e.errors().get(0).field(), e.errors().get(0).value(),
                    e.errors().get(0).expected() + "; attribute \"" + d.name() + "\" read as text"));
            return Optional.of(TextAttribute.of(d.name()));
        }
    }

    private static AttributeSpec select(CvatMeta.AttributeDecl d, String def, Consumer<FieldError> warn) {
        List<String> options = List.copyOf(new LinkedHashSet<>(values(d.values()).stream().filter(v -> !v.isBlank()).toList()));
        if (options.isEmpty()) {
            warn.accept(new FieldError(d.location(), "attribute.values", d.values(),
                    "expected the options of " + d.inputType() + " attribute \"" + d.name() + "\"; read as text"));
            return new TextAttribute(d.name(), TextAttribute.DEFAULT_MAX_LENGTH, false, def.isEmpty() ? Optional.empty() : Optional.of(def));
        }
        Optional<String> defaultOption = Optional.empty();
        if (options.contains(def)) {
            defaultOption = Optional.of(def);
        } else if (!def.isEmpty()) {
            warn.accept(new FieldError(d.location(), "attribute.default_value", def,
                    "expected one of " + options + " as the default of \"" + d.name() + "\"; no default"));
        }
        return new SelectAttribute(d.name(), options, false, defaultOption);
    }

    private static AttributeSpec checkbox(CvatMeta.AttributeDecl d, String def, Consumer<FieldError> warn) {
        if (!def.isEmpty() && !def.equalsIgnoreCase("true") && !def.equalsIgnoreCase("false")) {
            warn.accept(new FieldError(d.location(), "attribute.default_value", def,
                    "expected true or false as the default of checkbox \"" + d.name() + "\"; false used"));
        }
        return new CheckboxAttribute(d.name(), false, def.equalsIgnoreCase("true"));
    }

    private static AttributeSpec number(CvatMeta.AttributeDecl d, String def, Consumer<FieldError> warn) {
        List<String> v = numberValues(d.values());
        OptionalDouble min = OptionalDouble.empty(), max = OptionalDouble.empty();
        boolean integer = false;
        boolean blank = v.stream().allMatch(String::isBlank);
        if (!blank) {
            List<Optional<OptionalDouble>> parsedValues = v.size() == 3 ? v.stream().map(CvatAttributes::num).toList() : List.of();
            boolean parsed = parsedValues.size() == 3 && parsedValues.stream().allMatch(Optional::isPresent);
            OptionalDouble[] n = parsed ? parsedValues.stream().map(Optional::get).toArray(OptionalDouble[]::new) : new OptionalDouble[0];
            boolean ordered = parsed && (n[0].isEmpty() || n[1].isEmpty() || n[0].getAsDouble() <= n[1].getAsDouble())
                    && (n[2].isEmpty() || n[2].getAsDouble() > 0);
            if (ordered) {
                min = n[0];
                max = n[1];
                integer = n[2].isPresent() && whole(n[2].getAsDouble()) && (min.isEmpty() || whole(min.getAsDouble()));
            } else {
                warn.accept(new FieldError(d.location(), "attribute.values", d.values().strip(),
                        "expected min, max and step of number attribute \"" + d.name() + "\" with min <= max and step > 0; "
                                + "read without a range"));
            }
        }
        OptionalDouble defaultNumber = OptionalDouble.empty();
        if (!def.isEmpty()) {
            OptionalDouble dn = num(def).orElse(OptionalDouble.empty());
            NumberAttribute probe = new NumberAttribute(d.name(), min, max, integer, false, OptionalDouble.empty());
            if (dn.isPresent() && probe.check(AttributeValue.of(dn.getAsDouble())).isEmpty()) {
                defaultNumber = dn;
            } else {
                warn.accept(new FieldError(d.location(), "attribute.default_value", def,
                        "expected a default that fits number attribute \"" + d.name() + "\"; no default"));
            }
        }
        return new NumberAttribute(d.name(), min, max, integer, false, defaultNumber);
    }

    /** Options one per line, or separated by white space when the text has no line breaks. */
    static List<String> values(String raw) {
        String s = raw.replace("\r", "");
        if (s.strip().isEmpty()) {
            return List.of();
        }
        if (s.strip().contains("\n")) {
            List<String> out = new ArrayList<>();
            for (String line : s.strip().split("\n", -1)) {
                out.add(line.strip());
            }
            return out;
        }
        return List.of(s.strip().split("\\s+"));
    }

    /**
     * {@code min max step} of a number attribute: one per line, where a blank line is an open end, or
     * separated by white space.
     */
    static List<String> numberValues(String raw) {
        String s = raw.replace("\r", "");
        if (!s.contains("\n")) {
            return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
        }
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n", -1)) {
            out.add(line.strip());
        }
        while (out.size() > 3 && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (out.size() > 3 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * The number in {@code s}: an empty {@code OptionalDouble} for blank text, and no result at all (an empty
     * outer Optional) when {@code s} is not a finite number.
     */
    private static Optional<OptionalDouble> num(String s) {
        if (s.isBlank()) {
            return Optional.of(OptionalDouble.empty());
        }
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) ? Optional.of(OptionalDouble.of(v)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a number: the caller reports it with the attribute's location
        }
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }

    /**
     * The value of {@code <attribute>} typed by its spec: checkbox → flag, number → number, other → text.
     * Throws a located error when a checkbox or number value does not parse.
     */
    static AttributeValue value(Optional<AttributeSpec> spec, String raw, String location, String field) {
        String v = raw.strip();
        if (spec.isPresent() && spec.get() instanceof CheckboxAttribute) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return AttributeValue.of(v.equalsIgnoreCase("true"));
            }
            throw new ValidationException(new FieldError(location, field, CvatXml.shown(raw), "expected true or false"));
        }
        if (spec.isPresent() && spec.get() instanceof NumberAttribute) {
            OptionalDouble n = num(v).orElse(OptionalDouble.empty());
            if (n.isEmpty()) {
                throw new ValidationException(new FieldError(location, field, CvatXml.shown(raw), "expected a number"));
            }
            return AttributeValue.of(n.getAsDouble());
        }
        if (spec.isPresent() && spec.get() instanceof MultiSelectAttribute) {
            return AttributeValue.ofChoices(v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).toList());
        }
        return AttributeValue.of(raw);
    }

    /** The text of a value in {@code <attribute>}: flags as true/false, numbers as short as exact, choices joined by commas. */
    static String text(AttributeValue value) {
        if (value instanceof AttributeValue.Numeric n) {
            return CvatXml.number(n.value());
        }
        if (value instanceof AttributeValue.Choices c) {
            return String.join(",", c.values());
        }
        return value.display();
    }

    /** The CVAT input type that holds values like {@code value} (for attributes the schema does not declare). */
    static String inputTypeOf(AttributeValue value) {
        if (value instanceof AttributeValue.Flag) {
            return "checkbox";
        }
        if (value instanceof AttributeValue.Numeric) {
            return "number";
        }
        return "text";
    }

    /** {@code input_type}, {@code default_value} and {@code values} of a spec; what CVAT cannot hold goes to {@code lost}. */
    static String[] declaration(AttributeSpec spec, Consumer<String> lost) {
        if (spec.required()) {
            lost.accept("CVAT attributes cannot be required; written as optional");
        }
        if (spec instanceof SelectAttribute s) {
            return new String[] {"select", s.defaultOption().orElse(""), String.join("\n", s.options())};
        }
        if (spec instanceof CheckboxAttribute c) {
            return new String[] {"checkbox", Boolean.toString(c.defaultChecked()), "false\ntrue"};
        }
        if (spec instanceof NumberAttribute n) {
            String min = n.min().isPresent() ? CvatXml.number(n.min().getAsDouble()) : "";
            String max = n.max().isPresent() ? CvatXml.number(n.max().getAsDouble()) : "";
            if (n.integer() && n.min().isPresent() && !whole(n.min().getAsDouble())) {
                lost.accept("CVAT counts whole numbers from the minimum; a fractional minimum makes the attribute fractional");
            }
            String def = n.defaultNumber().isPresent() ? CvatXml.number(n.defaultNumber().getAsDouble()) : "";
            return new String[] {"number", def, min + "\n" + max + "\n" + (n.integer() ? "1" : "0.01")};
        }
        if (spec instanceof TextAttribute t) {
            if (t.maxLength() != TextAttribute.DEFAULT_MAX_LENGTH) {
                lost.accept("CVAT text attributes have no length limit; the limit " + t.maxLength() + " is not written");
            }
            return new String[] {"text", t.defaultText().orElse(""), t.defaultText().orElse("")};
        }
        MultiSelectAttribute m = (MultiSelectAttribute) spec;
        lost.accept("CVAT has no multi-select attribute; written as text, the chosen options joined by commas");
        return new String[] {"text", String.join(",", m.defaultOptions()), String.join(",", m.defaultOptions())};
    }
}
