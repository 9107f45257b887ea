package dev.annota.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** JSON Schemas (OpenAPI 3 components) of request and response records, read from their components. */
final class Schemas {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
    private final ObjectNode components;

    Schemas(ObjectNode components) {
        this.components = components;
    }

    /** A {@code $ref} to the schema of {@code type}, adding it (and the records it uses) to the components. */
    ObjectNode ref(Class<?> type) {
        String name = type.getSimpleName();
        if (!components.has(name)) {
            components.putObject(name);
            components.set(name, record(type));
        }
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode record(Class<?> type) {
        ObjectNode s = Json.MAPPER.createObjectNode().put("type", "object");
        if (!type.isRecord()) {
            return s;
        }
        ObjectNode props = s.putObject("properties");
        var required = s.putArray("required");
        for (RecordComponent c : type.getRecordComponents()) {
            String name = SNAKE.translate(c.getName());
            props.set(name, schema(c.getGenericType()));
            if (c.getType().isPrimitive()) {
                required.add(name);
            }
        }
        if (required.isEmpty()) {
            s.remove("required");
        }
        return s;
    }

    private JsonNode schema(Type t) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array").set("items", schema(p.getActualTypeArguments()[0]));
                return s;
            }
            if (raw == Optional.class) {
                return schema(p.getActualTypeArguments()[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object").set("additionalProperties", schema(p.getActualTypeArguments()[1]));
                return s;
            }
            return s.put("type", "object");
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return s.put("type", "string");
        }
        if (c == Instant.class) {
            return s.put("type", "string").put("format", "date-time");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return s.put("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return s.put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return s.put("type", "boolean");
        }
        if (c.isEnum()) {
            var values = s.put("type", "string").putArray("enum");
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name().toLowerCase(Locale.ROOT));
            }
            return s;
        }
        if (c.isRecord()) {
            return ref(c);
        }
        return s;
    }
}
