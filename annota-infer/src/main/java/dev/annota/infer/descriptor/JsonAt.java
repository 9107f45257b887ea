package dev.annota.infer.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A JSON value with its place in a file ({@code file#/json/pointer}), so every error can say where it is. */
final class JsonAt {
    private final JsonNode node;
    private final String file;
    private final String pointer;
    private final String field;

    private JsonAt(JsonNode node, String file, String pointer, String field) {
        this.node = node;
        this.file = file;
        this.pointer = pointer;
        this.field = field;
    }

    static JsonAt root(JsonNode node, String file) {
        return new JsonAt(node, file, "", "");
    }

    String location() {
        return file + "#" + (pointer.isEmpty() ? "/" : pointer);
    }

    JsonNode node() {
        return node;
    }

    ValidationException error(String expected) {
        String shown = node.isTextual() ? node.asText() : node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new ValidationException(new FieldError(location(), field, shown, expected));
    }

    /** The error for a required member that is absent. */
    ValidationException missing(String name) {
        return new ValidationException(new FieldError(location() + (pointer.isEmpty() ? "" : "/") + name.replace("/", "~1"),
                name, null, "expected this required field"));
    }

    /** Fails when the object has a member not in {@code known} (a typo would otherwise be silently ignored). */
    JsonAt onlyFields(Set<String> known) {
        object();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw member(name).error("expected no unknown field here; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    private JsonAt member(String name) {
        return new JsonAt(node.get(name), file, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), name);
    }

    JsonAt object() {
        if (!node.isObject()) {
            throw error("expected a JSON object");
        }
        return this;
    }

    JsonAt required(String name) {
        object();
        if (!node.has(name) || node.get(name).isNull()) {
            throw missing(name);
        }
        return member(name);
    }

    Optional<JsonAt> optional(String name) {
        object();
        return node.has(name) && !node.get(name).isNull() ? Optional.of(member(name)) : Optional.empty();
    }

    String text() {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error("expected a non-empty string");
        }
        return node.asText();
    }

    double number() {
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw error("expected a number");
        }
        return node.asDouble();
    }

    int integer() {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected an integer");
        }
        return node.asInt();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false");
        }
        return node.asBoolean();
    }

    List<JsonAt> items() {
        if (!node.isArray()) {
            throw error("expected a JSON array");
        }
        List<JsonAt> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonAt(node.get(i), file, pointer + "/" + i, field));
        }
        return out;
    }

    /** A lower-case name matched to an enum constant ({@code center_crop} → {@code CENTER_CROP}). */
    <E extends Enum<E>> E choice(Class<E> type) {
        if (node.isTextual()) {
            String wanted = node.asText().trim().toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(wanted)) {
                    return e;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw error("expected one of " + String.join(", ", names));
    }

    /** Runs a record constructor, locating any error it throws at this value. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ValidationException e) {
            throw e.at(location());
        }
    }
}
