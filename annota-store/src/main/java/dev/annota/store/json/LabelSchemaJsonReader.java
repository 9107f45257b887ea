package dev.annota.store.json;

import static dev.annota.store.json.AnnotationJsonReader.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads {@link LabelSchemaJson}; every error names its JSON pointer, field and value. */
final class LabelSchemaJsonReader {
    private static final List<String> ROOT_FIELDS = List.of("next_id", "classes");
    private static final List<String> DRAFT_FIELDS = List.of("name", "colour", "kinds", "attributes", "skeleton");
    private static final List<String> CLASS_FIELDS = Stream.concat(Stream.of("id"), DRAFT_FIELDS.stream()).toList();
    private static final List<String> SKELETON_FIELDS = List.of("points", "edges");
    private static final String TYPES = "select, multi_select, number, text, checkbox";
    private static final String KINDS = Stream.of(AnnotationKind.values()).map(AnnotationKind::wireName)
            .collect(Collectors.joining(", "));

    private LabelSchemaJsonReader() {
    }

    static LabelSchema schema(JsonNode node, String at) {
        String here = at.isEmpty() ? "/" : at;
        if (node == null || !node.isObject()) {
            throw fail(here, "(schema)", node, "expected an object with a list of classes");
        }
        fields(node, here, ROOT_FIELDS);
        JsonNode classes = node.get("classes");
        if (classes == null || !classes.isArray()) {
            throw fail(here, "classes", classes, "expected an array of classes");
        }
        LabelSchema.Builder builder = LabelSchema.builder();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            String p = at + "/classes/" + i;
            try {
                LabelClass cls = labelClass(classes.get(i), p);
                try {
                    builder.put(cls);
                } catch (ValidationException e) {
                    errors.addAll(e.at(p).errors());
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        JsonNode next = node.get("next_id");
        if (next != null && !next.isNull()) {
            LabelSchema built = builder.build();
            int lowest = LabelSchemaJson.nextId(built).value();
            if (!next.isIntegralNumber() || !next.canConvertToInt() || next.asInt() < lowest) {
                throw fail(here, "next_id", next, "expected an integer above every class id (at least " + lowest + ")");
            }
            if (next.asInt() > lowest) {
                // reserve the ids handed out before: put a class with the id just below next_id, then remove it
                LabelId reserved = LabelId.of(next.asInt() - 1);
                builder.put(LabelClass.of(reserved, "reserved id " + reserved + " " + java.util.UUID.randomUUID()));
                builder.remove(reserved);
            }
        }
        return builder.build();
    }

    static LabelClass labelClass(JsonNode node, String at) {
        requireObject(node, at, "(class)");
        fields(node, at, CLASS_FIELDS);
        JsonNode id = node.get("id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 1) {
            throw fail(at, "id", id, "expected a positive integer class id");
        }
        LabelId labelId = LabelId.of(id.asInt());
        LabelSchemaJson.ClassDraft draft = body(node, at);
        try {
            return draft.toClass(labelId, LabelClass.defaultColour(labelId));
        } catch (ValidationException e) {
            throw e.at(at);
        }
    }

    static LabelSchemaJson.ClassDraft draft(JsonNode node, String at) {
        String here = at.isEmpty() ? "/" : at;
        requireObject(node, here, "(class)");
        fields(node, here, DRAFT_FIELDS);
        LabelSchemaJson.ClassDraft draft = body(node, here);
        try {
            draft.toClass(LabelId.of(1), LabelClass.defaultColour(LabelId.of(1)));
        } catch (ValidationException e) {
            throw e.at(here);
        }
        return draft;
    }

    private static LabelSchemaJson.ClassDraft body(JsonNode node, String at) {
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw fail(at, "name", name, "expected a class name");
        }
        Optional<String> colour = optionalText(node, at, "colour");
        Set<AnnotationKind> kinds = kinds(node.get("kinds"), at);
        List<AttributeSpec> attributes = new ArrayList<>();
        JsonNode attrs = node.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isArray()) {
                throw fail(at, "attributes", attrs, "expected an array of attributes");
            }
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < attrs.size(); i++) {
                try {
                    attributes.add(attribute(attrs.get(i), at + "/attributes/" + i));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        JsonNode sk = node.get("skeleton");
        Optional<Skeleton> skeleton = sk == null || sk.isNull() ? Optional.empty() : Optional.of(skeleton(sk, at + "/skeleton"));
        return new LabelSchemaJson.ClassDraft(name.asText(), colour, kinds, attributes, skeleton);
    }

    private static Set<AnnotationKind> kinds(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return EnumSet.allOf(AnnotationKind.class);
        }
        if (!node.isArray()) {
            throw fail(at, "kinds", node, "expected an array of annotation kinds (" + KINDS + ")");
        }
        Set<AnnotationKind> kinds = EnumSet.noneOf(AnnotationKind.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            Optional<AnnotationKind> kind = Stream.of(AnnotationKind.values())
                    .filter(x -> k.isTextual() && x.wireName().equals(k.asText())).findFirst();
            if (kind.isEmpty()) {
                throw fail(at, "kinds[" + i + "]", k, "expected one of " + KINDS);
            }
            kinds.add(kind.get());
        }
        return kinds;
    }

    private static AttributeSpec attribute(JsonNode node, String at) {
        requireObject(node, at, "(attribute)");
        JsonNode type = node.get("type");
        String t = type != null && type.isTextual() ? type.asText() : "";
        List<String> extra = switch (t) {
            case "select", "multi_select" -> List.of("options");
            case "number" -> List.of("min", "max", "integer");
            case "text" -> List.of("max_length");
            case "checkbox" -> List.of();
            default -> throw fail(at, "type", type, "expected one of " + TYPES);
        };
        fields(node, at, Stream.concat(Stream.of("name", "type", "required", "default"), extra.stream()).toList());
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw fail(at, "name", name, "expected an attribute name");
        }
        String n = name.asText();
        boolean required = flag(node, at, "required");
        try {
            return switch (t) {
                case "select" -> new SelectAttribute(n, strings(node, at, "options"), required, optionalText(node, at, "default"));
                case "multi_select" -> new MultiSelectAttribute(n, strings(node, at, "options"), required,
                        node.hasNonNull("default") ? strings(node, at, "default") : List.of());
                case "number" -> new NumberAttribute(n, number(node, at, "min"), number(node, at, "max"),
                        flag(node, at, "integer"), required, number(node, at, "default"));
                case "text" -> new TextAttribute(n, maxLength(node, at), required, optionalText(node, at, "default"));
                default -> new CheckboxAttribute(n, required, flag(node, at, "default"));
            };
        } catch (ValidationException e) {
            throw e.errors().stream().allMatch(fe -> fe.location().isEmpty()) ? e.at(at) : e;
        }
    }

    private static Skeleton skeleton(JsonNode node, String at) {
        requireObject(node, at, "(skeleton)");
        fields(node, at, SKELETON_FIELDS);
        List<String> points = strings(node, at, "points");
        List<Skeleton.Edge> edges = new ArrayList<>();
        JsonNode e = node.get("edges");
        if (e != null && !e.isNull()) {
            if (!e.isArray()) {
                throw fail(at, "edges", e, "expected an array of [from, to] pairs");
            }
            for (int i = 0; i < e.size(); i++) {
                JsonNode pair = e.get(i);
                if (!pair.isArray() || pair.size() != 2 || !isInt(pair.get(0)) || !isInt(pair.get(1))) {
                    throw fail(at, "edges[" + i + "]", pair, "expected a pair [from, to] of 0-based point indices");
                }
                edges.add(Skeleton.Edge.of(pair.get(0).asInt(), pair.get(1).asInt()));
            }
        }
        try {
            return new Skeleton(points, edges);
        } catch (ValidationException ex) {
            throw ex.at(at);
        }
    }

    private static boolean isInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }

    private static int maxLength(JsonNode node, String at) {
        JsonNode v = node.get("max_length");
        if (v == null || v.isNull()) {
            return TextAttribute.DEFAULT_MAX_LENGTH;
        }
        if (!isInt(v)) {
            throw fail(at, "max_length", v, "expected a whole number of characters");
        }
        return v.asInt();
    }

    private static OptionalDouble number(JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(at, field, v, "expected a finite number");
        }
        return OptionalDouble.of(v.asDouble());
    }

    private static boolean flag(JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fail(at, field, v, "expected true or false");
        }
        return v.asBoolean();
    }

    private static Optional<String> optionalText(JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw fail(at, field, v, "expected a string");
        }
        return Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode node, String at, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw fail(at, field, v, "expected an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw fail(at, field + "[" + i + "]", v.get(i), "expected a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static void requireObject(JsonNode node, String at, String what) {
        if (node == null || !node.isObject()) {
            throw fail(at, what, node, "expected an object");
        }
    }

    private static void fields(JsonNode node, String at, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw fail(at, f, node.get(f), "expected only the fields " + String.join(", ", allowed));
            }
        }
    }
}
