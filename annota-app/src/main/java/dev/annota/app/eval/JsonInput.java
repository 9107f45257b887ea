package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON input file read as a tree, with typed access whose errors name the file, the JSON pointer, the field
 * and the bad value: {@code in.json#/y_true/7: field 'y_true': expected a label index in [0, 3], got "9"}.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN = 60;

    private final Path file;
    private final JsonNode root;

    private JsonInput(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static JsonInput read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new AnnotaException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException(new FieldError(file + "#", "(document)", root == null ? "" : kind(root),
                    "expected a JSON object"));
        }
        return new JsonInput(file, root);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    boolean has(String field) {
        JsonNode v = root.get(field);
        return v != null && !v.isNull();
    }

    JsonNode get(String field) {
        return root.get(field);
    }

    ValidationException fail(String pointer, String field, JsonNode value, String expected) {
        String shown = value == null || value.isMissingNode() ? null : shorten(value.toString());
        return new ValidationException(new FieldError(file + "#" + pointer, field, shown, expected));
    }

    ValidationException fail(String pointer, String field, String value, String expected) {
        return new ValidationException(new FieldError(file + "#" + pointer, field, value, expected));
    }

    /** A required array field. */
    JsonNode array(String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray()) {
            throw fail("/" + field, field, v, "expected an array");
        }
        return v;
    }

    /** An optional array of strings (any scalar is taken as its text). */
    Optional<List<String>> optionalStrings(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode a = array(field);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            if (!v.isValueNode() || v.isNull()) {
                throw fail("/" + field + "/" + i, field, v, "expected a string");
            }
            out.add(v.asText());
        }
        return Optional.of(out);
    }

    /** An integer at {@code pointer}, in {@code [0, bound)}. */
    int index(JsonNode v, String pointer, String field, int bound, String what) {
        if (v == null || !v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw fail(pointer, field, v, "expected an integer " + what);
        }
        long x = v.asLong();
        if (x < 0 || x >= bound) {
            throw fail(pointer, field, v, "expected " + what + " in [0, " + (bound - 1) + "]");
        }
        return (int) x;
    }

    /** A probability at {@code pointer}. */
    double probability(JsonNode v, String pointer, String field) {
        if (v == null || !v.isNumber()) {
            throw fail(pointer, field, v, "expected a probability (a number in [0, 1])");
        }
        double p = v.asDouble();
        if (!(p >= 0 && p <= 1)) {
            throw fail(pointer, field, v, "expected a probability in [0, 1]");
        }
        return p;
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : shorten(n.toString());
    }

    static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
    }
}
