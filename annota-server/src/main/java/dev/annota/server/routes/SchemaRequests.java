package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.projects.ClassPatch;
import dev.annota.app.projects.InUseChoice;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.server.Call;
import dev.annota.store.json.LabelSchemaJson;
import dev.annota.store.json.LabelSchemaJson.ClassDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads the parts of a schema-edit request: the schema version it is based on (body or query
 * {@code schema_version}, or an {@code If-Match} header with the ETag of GET .../schema), a class or the parts
 * of a class to change, the class id of the path, and the {@code on_use} choice.
 */
final class SchemaRequests {
    static final List<String> CLASS_FIELDS = List.of("name", "colour", "kinds", "attributes", "skeleton");
    private static final String VERSION_HELP = "the schema version the change is based on (schema_version from GET "
            + ".../schema, or its ETag in an If-Match header)";

    private SchemaRequests() {
    }

    /** The body as an object whose fields are all among {@code CLASS_FIELDS} and {@code control}. */
    static ObjectNode body(Call call, List<String> control) {
        JsonNode node = call.bodyTree();
        if (!node.isObject()) {
            throw new ValidationException(new FieldError("/", "body", node.getNodeType().toString().toLowerCase(), "expected a JSON object"));
        }
        List<String> allowed = new ArrayList<>(control);
        allowed.addAll(CLASS_FIELDS);
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new ValidationException(new FieldError("/" + f, f, f, "unknown field; expected one of " + allowed));
            }
        });
        return (ObjectNode) node;
    }

    /** The version from {@code given} (body or query) and/or If-Match; they must agree, and one is required. */
    static long expectedVersion(Call call, Optional<Long> given) {
        Optional<Long> header = Optional.ofNullable(call.ctx().header("If-Match")).map(SchemaRequests::ifMatch);
        if (given.isPresent() && header.isPresent() && !given.equals(header)) {
            throw new ValidationException(new FieldError("/schema_version", "schema_version", String.valueOf(given.get()),
                    "the same version as the If-Match header (" + header.get() + ") or no schema_version"));
        }
        return given.or(() -> header).orElseThrow(() -> new ValidationException(new FieldError("/schema_version",
                "schema_version", null, "required: expected " + VERSION_HELP)));
    }

    /** {@code schema_version} of a body, if given: a whole number >= 0. */
    static Optional<Long> bodyVersion(ObjectNode body) {
        JsonNode v = body.get("schema_version");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new ValidationException(new FieldError("/schema_version", "schema_version", v.toString(),
                    "expected a whole number >= 0: " + VERSION_HELP));
        }
        return Optional.of(v.asLong());
    }

    /** {@code schema_version} of the query, if given. */
    static Optional<Long> queryVersion(Call call) {
        return call.query("schema_version").map(raw -> {
            try {
                long v = Long.parseLong(raw.trim());
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ValidationException(new FieldError("?schema_version", "schema_version", raw,
                    "expected a whole number >= 0: " + VERSION_HELP));
        });
    }

    private static long ifMatch(String raw) {
        String v = raw.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError("header If-Match", "If-Match", raw,
                "expected the ETag of GET .../schema, a schema version in quotes such as \"3\""));
    }

    /** The class id of the path: a whole number >= 1. */
    static LabelId classId(Call call) {
        String raw = call.path("classId");
        try {
            int id = Integer.parseInt(raw);
            if (id >= 1) {
                return LabelId.of(id);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError("path classId", "classId", raw, "expected a class id, a whole number >= 1"));
    }

    /**
     * The label schema of a new project: absent, null or {@code {}} is an empty schema; a schema whose classes
     * carry no ids ({@code {"classes": [CLASS without id, …]}}) gets ids 1, 2, … in order; otherwise the
     * schema JSON as stored (ids and {@code next_id}). Errors name the JSON pointer under {@code at}.
     */
    static LabelSchema newSchema(JsonNode node, String at) {
        if (node == null || node.isNull() || node.isObject() && node.isEmpty()) {
            return LabelSchema.empty();
        }
        JsonNode classes = node.get("classes");
        boolean drafts = node.isObject() && node.size() == 1 && classes != null && classes.isArray()
                && StreamSupport.stream(classes.spliterator(), false).noneMatch(c -> c.has("id"));
        if (!drafts) {
            return LabelSchemaJson.fromNode(node, at);
        }
        LabelSchema.Builder b = LabelSchema.builder();
        for (int i = 0; i < classes.size(); i++) {
            String here = at + "/classes/" + i;
            ClassDraft d = LabelSchemaJson.readDraft(classes.get(i), here);
            try {
                b.add(d.name(), c -> d.toClass(c.id(), c.colour()));
            } catch (ValidationException e) {
                throw e.at(here);
            }
        }
        return b.build();
    }

    /** A class to add: the class fields of the body. */
    static ClassDraft draft(ObjectNode body) {
        return LabelSchemaJson.readDraft(classFields(body), "");
    }

    /** The class fields present in the body; {@code "skeleton": null} removes the skeleton, other nulls change nothing. */
    static ClassPatch patch(ObjectNode body) {
        ObjectNode fields = classFields(body);
        boolean named = present(fields, "name");
        if (!named) {
            fields.put("name", "(unchanged)");
        }
        ClassDraft parsed = LabelSchemaJson.readDraft(fields, "");
        return new ClassPatch(named ? Optional.of(parsed.name()) : Optional.empty(),
                present(fields, "colour") ? parsed.colour() : Optional.empty(),
                present(fields, "kinds") ? Optional.of(parsed.kinds()) : Optional.empty(),
                present(fields, "attributes") ? Optional.of(parsed.attributes()) : Optional.empty(),
                fields.has("skeleton") ? ClassPatch.SkeletonChange.set(parsed.skeleton()) : ClassPatch.SkeletonChange.keepIt());
    }

    /** The {@code on_use} choice (with {@code reassign_to}) of the body; absent is refuse. */
    static InUseChoice choice(ObjectNode body) {
        JsonNode onUse = body.get("on_use");
        if (onUse != null && !onUse.isNull() && !onUse.isTextual()) {
            throw new ValidationException(new FieldError("/on_use", "on_use", onUse.toString(),
                    "expected one of refuse, delete_annotations, keep_annotations"));
        }
        JsonNode target = body.get("reassign_to");
        if (target != null && !target.isNull() && !(target.isInt() && target.asInt() >= 1)) {
            throw new ValidationException(new FieldError("/reassign_to", "reassign_to", target.toString(),
                    "expected the id of a class, a whole number >= 1"));
        }
        return InUseChoice.parse(Optional.ofNullable(onUse).filter(JsonNode::isTextual).map(JsonNode::asText),
                Optional.ofNullable(target).filter(JsonNode::isInt).map(JsonNode::asInt));
    }

    /** The {@code on_use} and {@code reassign_to} query parameters. */
    static InUseChoice choice(Call call) {
        Optional<Integer> target = call.query("reassign_to").isPresent()
                ? Optional.of(call.queryInt("reassign_to", 0, 1, Integer.MAX_VALUE)) : Optional.empty();
        return InUseChoice.parse(call.query("on_use"), target);
    }

    private static ObjectNode classFields(ObjectNode body) {
        ObjectNode fields = body.objectNode();
        CLASS_FIELDS.forEach(f -> {
            if (body.has(f)) {
                fields.set(f, body.get(f));
            }
        });
        return fields;
    }

    private static boolean present(ObjectNode fields, String name) {
        return fields.has(name) && !fields.get(name).isNull();
    }
}
