package dev.annota.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.auth.AuthenticationException;
import dev.annota.app.projects.ChangeRefused;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.AnnotationSets;
import dev.annota.store.VersionConflict;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.json.LabelSchemaJson;
import dev.annota.store.projects.SchemaVersionConflict;
import dev.annota.store.workflow.JobVersionConflict;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP responses: problem JSON {@code {type, title, status, detail, errors[]}}
 * for every failure. Client mistakes get a 4xx naming what was wrong; anything unexpected is a 500 whose body
 * carries only a correlation id, logged with the stack trace.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void render(Throwable t, Context ctx) {
        ObjectNode body;
        if (t instanceof HttpProblem p) {
            body = problem(p.status(), "/problems/" + p.kind(), p.title(), p.getMessage());
            if (p.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"annota\"");
            }
        } else if (t instanceof ValidationException v) {
            body = problem(400, "/problems/validation", "Invalid request", v.getMessage());
            errors(body, v.errors());
        } else if (t instanceof AuthenticationException) {
            body = problem(401, "/problems/unauthenticated", "Not signed in", t.getMessage());
        } else if (t instanceof ForbiddenException) {
            body = problem(403, "/problems/forbidden", "Forbidden", t.getMessage());
        } else if (t instanceof NotFoundException) {
            body = problem(404, "/problems/not-found", "Not found", t.getMessage());
        } else if (t instanceof VersionConflict c) {
            body = problem(409, "/problems/version-conflict", "Version conflict", t.getMessage());
            body.put("expected_version", c.expected());
            body.set("current", current(c.current()));
        } else if (t instanceof SchemaVersionConflict c) {
            body = problem(409, "/problems/schema-version-conflict", "Schema version conflict", t.getMessage());
            body.put("expected_version", c.expected());
            body.put("current_version", c.currentVersion());
            body.set("current", Json.MAPPER.createObjectNode().put("schema_version", c.currentVersion())
                    .set("schema", LabelSchemaJson.toNode(c.current().schema())));
        } else if (t instanceof ChangeRefused c) {
            body = problem(409, "/problems/change-refused", "Change refused", t.getMessage());
            body.put("annotations", c.annotations());
            body.put("images", c.images());
            ObjectNode problems = body.putObject("problems");
            c.problems().forEach(problems::put);
        } else if (t instanceof JobVersionConflict c) {
            body = problem(409, "/problems/version-conflict", "Version conflict", t.getMessage());
            body.put("expected_version", c.expected());
            body.set("current", current(c.current()));
        } else if (t instanceof ConflictException) {
            body = problem(409, "/problems/conflict", "Conflict", t.getMessage());
        } else if (t instanceof AnnotaException) {
            body = problem(400, "/problems/bad-request", "Bad request", t.getMessage());
        } else if (t instanceof HttpResponseException h) {
            body = javalin(h, ctx);
        } else {
            String id = UUID.randomUUID().toString();
            LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), t);
            body = problem(500, "about:blank", "Internal server error",
                    "an internal error occurred; quote the correlation id " + id + " when reporting it");
            body.put("correlation_id", id);
        }
        ctx.status(body.get("status").asInt()).contentType("application/problem+json").result(body.toString());
    }

    /** Javalin's own errors: unknown route, wrong method, too large, and the like. */
    private static ObjectNode javalin(HttpResponseException h, Context ctx) {
        int status = h.getStatus();
        String where = ctx.method() + " " + ctx.path();
        return switch (status) {
            case 404 -> problem(404, "/problems/not-found", "Not found", "no route " + where + "; the API is described at /api/v1/openapi.json");
            case 405 -> problem(405, "/problems/method-not-allowed", "Method not allowed", "method " + ctx.method()
                    + " is not allowed on " + ctx.path() + allowed(h));
            case 413 -> problem(413, "/problems/too-large", "Request too large", h.getMessage());
            case 415 -> problem(415, "/problems/unsupported-media-type", "Unsupported media type", h.getMessage());
            default -> problem(status, "about:blank", h.getMessage() == null ? "Error" : h.getMessage(),
                    h.getMessage() + " (" + where + ")");
        };
    }

    private static String allowed(HttpResponseException h) {
        Object methods = h.getDetails().get("availableMethods");
        return methods == null ? "" : "; allowed: " + methods;
    }

    static ObjectNode problem(int status, String type, String title, String detail) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", type);
        o.put("title", title);
        o.put("status", status);
        o.put("detail", detail == null ? title : detail);
        o.putArray("errors");
        return o;
    }

    private static void errors(ObjectNode body, List<FieldError> errors) {
        ArrayNode arr = body.putArray("errors");
        for (FieldError e : errors) {
            ObjectNode o = arr.addObject();
            o.put("location", e.location());
            o.put("field", e.field());
            o.put("value", e.value());
            o.put("expected", e.expected());
            o.put("message", e.message());
        }
    }

    private static JsonNode current(AnnotationSets.Current c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("version", c.version());
        try {
            o.set("annotations", Json.MAPPER.readTree(AnnotationJson.write(c.annotations())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("annotation JSON did not parse", e);
        }
        o.put("updated_at", c.updatedAt().toString());
        o.put("updated_by", c.updatedBy().orElse(null));
        o.put("source", c.source());
        return o;
    }
}
