package dev.annota.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.MultiSelectAttribute;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.core.schema.TextAttribute;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Annota's JSON for a label schema: what the database stores in {@code projects.schema_json} and what the API
 * sends and takes.
 *
 * <pre>{@code
 * {"next_id": 4,
 *  "classes": [
 *    {"id": 1, "name": "Person", "colour": "#E6194B", "kinds": ["box", "keypoints"],
 *     "attributes": [
 *       {"name": "pose", "type": "select", "options": ["standing", "sitting"], "required": true, "default": "standing"},
 *       {"name": "tags", "type": "multi_select", "options": ["a", "b"], "required": false, "default": ["a"]},
 *       {"name": "age", "type": "number", "min": 0, "max": 120, "integer": true, "required": false, "default": 30},
 *       {"name": "note", "type": "text", "max_length": 200, "required": false, "default": ""},
 *       {"name": "occluded", "type": "checkbox", "required": false, "default": false}],
 *     "skeleton": {"points": ["head", "neck", "hip"], "edges": [[0, 1], [1, 2]]}}]}
 * }</pre>
 *
 * <p>{@code next_id} is the id the next new class will get: ids are never handed out twice, so an old
 * annotation of a deleted class can never come to mean a new class. Kinds are {@link AnnotationKind#wireName()
 * wire names}; skeleton edges are 0-based point indices. When reading, {@code kinds} defaults to every kind,
 * {@code colour} to the class's default colour, {@code attributes} to none, {@code required} to false,
 * {@code integer} to false and {@code max_length} to {@value TextAttribute#DEFAULT_MAX_LENGTH}; unknown fields
 * are refused (a typo such as {@code "color"} must not silently do nothing). Every error is a
 * {@link ValidationException} whose {@link dev.annota.core.error.FieldError}s name the JSON pointer, field and
 * value, e.g. {@code /classes/3/attributes/0: field 'type': expected one of select, multi_select, number,
 * text, checkbox, got "radio"}; the errors of all classes are reported together.
 */
public final class LabelSchemaJson {
    private LabelSchemaJson() {
    }

    /**
     * A class as the API receives it before it has an id (adding a class) or when its id is given elsewhere
     * (the URL of an update): the class JSON above without {@code id}. Colour empty means "the default colour"
     * for a new class and "unchanged" for an update.
     */
    public record ClassDraft(String name, Optional<String> colour, Set<AnnotationKind> kinds,
                             List<AttributeSpec> attributes, Optional<Skeleton> skeleton) {
        public ClassDraft {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            kinds = Set.copyOf(kinds);
            attributes = List.copyOf(attributes);
            Objects.requireNonNull(skeleton, "skeleton");
        }

        /** A draft of a class that allows every kind, default colour, no attributes, no skeleton. */
        public static ClassDraft named(String name) {
            return new ClassDraft(name, Optional.empty(), EnumSet.allOf(AnnotationKind.class), List.of(), Optional.empty());
        }

        /** The class with this id; an empty colour becomes {@code fallbackColour}. Validates like {@link LabelClass}. */
        public LabelClass toClass(LabelId id, String fallbackColour) {
            return new LabelClass(id, name, colour.orElse(fallbackColour), kinds, attributes, skeleton);
        }

        /** The draft that describes {@code cls} (its id left out). */
        public static ClassDraft of(LabelClass cls) {
            return new ClassDraft(cls.name(), Optional.of(cls.colour()), cls.kinds(), cls.attributes(), cls.skeleton());
        }
    }

    /** The schema as compact JSON text. Deterministic: equal schemas give equal text. */
    public static String write(LabelSchema schema) {
        return toNode(schema).toString();
    }

    public static ObjectNode toNode(LabelSchema schema) {
        ObjectNode root = AnnotationJson.MAPPER.createObjectNode();
        root.put("next_id", nextId(schema).value());
        ArrayNode classes = root.putArray("classes");
        schema.classes().forEach(c -> classes.add(classToNode(c)));
        return root;
    }

    public static ObjectNode classToNode(LabelClass cls) {
        ObjectNode o = AnnotationJson.MAPPER.createObjectNode();
        o.put("id", cls.id().value());
        o.put("name", cls.name());
        o.put("colour", cls.colour());
        ArrayNode kinds = o.putArray("kinds");
        cls.kinds().forEach(k -> kinds.add(k.wireName()));
        ArrayNode attrs = o.putArray("attributes");
        cls.attributes().forEach(a -> attrs.add(attributeToNode(a)));
        cls.skeleton().ifPresent(s -> {
            ObjectNode sk = o.putObject("skeleton");
            ArrayNode points = sk.putArray("points");
            s.points().forEach(points::add);
            ArrayNode edges = sk.putArray("edges");
            s.edges().forEach(e -> edges.addArray().add(e.from()).add(e.to()));
        });
        return o;
    }

    public static ObjectNode attributeToNode(AttributeSpec spec) {
        ObjectNode o = AnnotationJson.MAPPER.createObjectNode();
        o.put("name", spec.name());
        o.put("type", spec.typeName());
        if (spec instanceof SelectAttribute s) {
            ArrayNode options = o.putArray("options");
            s.options().forEach(options::add);
            o.put("required", s.required());
            s.defaultOption().ifPresent(d -> o.put("default", d));
        } else if (spec instanceof MultiSelectAttribute m) {
            ArrayNode options = o.putArray("options");
            m.options().forEach(options::add);
            o.put("required", m.required());
            if (!m.defaultOptions().isEmpty()) {
                ArrayNode d = o.putArray("default");
                m.defaultOptions().forEach(d::add);
            }
        } else if (spec instanceof NumberAttribute n) {
            n.min().ifPresent(v -> o.put("min", v));
            n.max().ifPresent(v -> o.put("max", v));
            o.put("integer", n.integer());
            o.put("required", n.required());
            n.defaultNumber().ifPresent(v -> o.put("default", v));
        } else if (spec instanceof TextAttribute t) {
            o.put("max_length", t.maxLength());
            o.put("required", t.required());
            t.defaultText().ifPresent(d -> o.put("default", d));
        } else if (spec instanceof CheckboxAttribute c) {
            o.put("required", c.required());
            o.put("default", c.defaultChecked());
        }
        return o;
    }

    /** Parses a schema; errors name the JSON pointer, the field and the value. */
    public static LabelSchema read(String json) {
        return fromNode(parse(json), "");
    }

    /** A schema from a parsed document found at {@code pointer} ("" for the root). */
    public static LabelSchema fromNode(JsonNode node, String pointer) {
        return LabelSchemaJsonReader.schema(node, pointer);
    }

    /** One class with its id, as {@link #classToNode} writes it. */
    public static LabelClass readClass(JsonNode node, String pointer) {
        return LabelSchemaJsonReader.labelClass(node, pointer);
    }

    /** A class without an id (see {@link ClassDraft}); an {@code id} field is refused. */
    public static ClassDraft readDraft(JsonNode node, String pointer) {
        return LabelSchemaJsonReader.draft(node, pointer);
    }

    /** {@link #readDraft} from JSON text. */
    public static ClassDraft readDraft(String json) {
        return readDraft(parse(json), "");
    }

    /** The id that {@code schema} will hand to its next new class (never one it has handed out before). */
    public static LabelId nextId(LabelSchema schema) {
        // LabelSchema keeps its next id private; a copy of its builder hands it out without changing the schema
        LabelSchema.Builder probe = schema.toBuilder();
        String name = "next id probe";
        while (probe.byName(name).isPresent()) {
            name = name + "'";
        }
        return probe.add(name);
    }

    static JsonNode parse(String json) {
        try {
            return AnnotationJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("(json)", e.getOriginalMessage(), "expected well-formed JSON");
        }
    }
}
