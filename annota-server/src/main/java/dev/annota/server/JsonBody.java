package dev.annota.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON request body into a record, turning every way it can be wrong into a 4xx with a clear message:
 * wrong content type (415), too large (413), empty or malformed (400 with line and column), not an object, an
 * unknown field, a value of the wrong type (400 naming the JSON pointer and what was expected).
 */
final class JsonBody {
    private JsonBody() {
    }

    /** The raw body, at most {@code limit} bytes, after checking that it is declared as JSON. */
    static JsonNode readTree(Context ctx, long limit) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw HttpProblem.unsupportedMediaType("expected Content-Type: application/json, got "
                    + (type == null || type.isBlank() ? "no Content-Type" : "'" + type + "'"));
        }
        byte[] bytes = bytes(ctx, limit);
        if (bytes.length == 0) {
            throw HttpProblem.badRequest("malformed-json", "the request body is empty; expected a JSON object");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw HttpProblem.badRequest("malformed-json", "the request body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw HttpProblem.badRequest("malformed-json", "malformed JSON" + where + ": " + clean(e.getOriginalMessage()));
        } catch (IOException e) {
            throw HttpProblem.badRequest("malformed-json", "the request body could not be read: " + e.getMessage());
        }
    }

    /** The body as {@code type}: a record read strictly; its validating constructor may throw ValidationException. */
    static <T> T read(Context ctx, long limit, Class<T> type) {
        JsonNode node = readTree(ctx, limit);
        if (!node.isObject()) {
            throw new ValidationException(new FieldError("/", "body", kind(node), "expected a JSON object"));
        }
        return convert(node, type);
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ValidationException v) {
                throw v;
            }
            if (cause instanceof AnnotaException a) {
                throw a;
            }
            throw new ValidationException(new FieldError(pointer(e), field(e), null, "expected a valid " + type.getSimpleName()
                    + (cause == null ? "" : ": " + cause.getMessage())));
        } catch (UnrecognizedPropertyException e) {
            Collection<Object> known = e.getKnownPropertyIds();
            throw new ValidationException(new FieldError(pointer(e), field(e), String.valueOf(e.getPropertyName()),
                    "unknown field; expected one of " + (known == null ? "[]" : known.stream().sorted().toList())));
        } catch (MismatchedInputException e) {
            JsonNode bad = node.at(pointer(e));
            throw new ValidationException(new FieldError(pointer(e), field(e), bad.isMissingNode() ? null : bad.toString(),
                    "expected " + describe(e.getTargetType())));
        } catch (JsonMappingException e) {
            throw new ValidationException(new FieldError(pointer(e), field(e), null, "expected a valid value: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("malformed-json", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static byte[] bytes(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw HttpProblem.tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) {
                throw HttpProblem.tooLarge(limit);
            }
            return b;
        } catch (IOException e) {
            throw HttpProblem.badRequest("unreadable-body", "the request body could not be read: " + e.getMessage());
        }
    }

    /** Jackson's message without its note on the (redacted) source. */
    private static String clean(String message) {
        return message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName().replace("~", "~0").replace("/", "~1") : r.getIndex());
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String field(JsonMappingException e) {
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            String name = e.getPath().get(i).getFieldName();
            if (name != null) {
                return name;
            }
        }
        return "body";
    }

    private static String describe(Class<?> t) {
        if (t == null) {
            return "a value of another type";
        }
        if (t == String.class || t.isEnum()) {
            return "a string";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        return "a " + t.getSimpleName();
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean"
                : n.isNull() ? "null" : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
