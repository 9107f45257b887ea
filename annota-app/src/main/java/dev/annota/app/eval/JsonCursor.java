package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Typed reads from a streaming JSON parser positioned on a value, with errors that name the file, the JSON
 * pointer of the element being read, the field and the bad value. Arrays of numbers are read into a reused
 * buffer (no boxing, no tree).
 */
final class JsonCursor {
    private final JsonParser p;
    private final String file;
    private String pointer = "";
    private double[] buffer = new double[64];

    JsonCursor(JsonParser p, String file) {
        this.p = p;
        this.file = file;
    }

    JsonParser parser() {
        return p;
    }

    /** Sets the JSON pointer of the element that errors are reported in, e.g. {@code /annotations/12}. */
    void at(String pointer) {
        this.pointer = pointer;
    }

    String location() {
        return file + " " + (pointer.isEmpty() ? "/" : pointer);
    }

    ValidationException fail(String field, String value, String expected) {
        return new ValidationException(new FieldError(location(), field, value, expected));
    }

    /** The current token as a finite number. */
    double number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw fail(field, describe(), "expected a number");
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw fail(field, p.getText(), "expected a finite number");
        }
        return v;
    }

    /** The current token as an integer (a float with an integral value is accepted). */
    long integer(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return p.getLongValue();
            } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
                throw fail(field, p.getText(), "expected an integer within 64 bits");
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 0x1p63) {
                return (long) v;
            }
        }
        throw fail(field, describe(), "expected an integer");
    }

    /** The current token as a boolean-like flag: 0/1 (as COCO writes {@code iscrowd}) or true/false. */
    boolean flag(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        return integer(field) != 0;
    }

    String text(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw fail(field, describe(), "expected a string");
        }
        return p.getText();
    }

    /** The current array of numbers (a fresh array of exactly its length). */
    double[] numbers(String field) throws IOException {
        int n = numbersIntoBuffer(field);
        return Arrays.copyOf(buffer, n);
    }

    /** Reads the current array of numbers into the reused buffer; returns its length. */
    private int numbersIntoBuffer(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(field, describe(), "expected an array of numbers");
        }
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw fail(field + "[" + n + "]", describe(), "expected a number");
            }
            double v = p.getDoubleValue();
            if (!Double.isFinite(v)) {
                throw fail(field + "[" + n + "]", p.getText(), "expected a finite number");
            }
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = v;
        }
        return n;
    }

    /** Expects the current token to open an object. */
    void requireObject(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail(field, describe(), "expected a JSON object");
        }
    }

    /** Skips the current value (and its children). */
    void skip() throws IOException {
        p.skipChildren();
    }

    /** The current value for an error message: its text, or the kind of structure. */
    String describe() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of file";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }

    static String show(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            double x = v[i];
            sb.append(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x));
        }
        return sb.append(']').toString();
    }
}
