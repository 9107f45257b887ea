package dev.annota.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document of the API, generated from the registered {@link Route}s. */
final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    static ObjectNode document(List<Route> routes, String version) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Annota API").put("version", version)
                .put("description", "Every error is problem JSON (see the Problem schema).");
        doc.putArray("servers").addObject().put("url", Api.PREFIX);
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", Authenticator.COOKIE);
        security.putObject("token").put("type", "http").put("scheme", "bearer");
        schemas.set("Problem", problemSchema());
        Schemas gen = new Schemas(schemas);
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            item.set(r.method().lower(), operation(r, gen));
        }
        return doc;
    }

    private static ObjectNode operation(Route r, Schemas gen) {
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.put("summary", r.summary());
        op.put("description", "Who may call it: " + (r.roles().isEmpty() ? "any signed-in user" : String.join(", ", r.roles())) + ".");
        op.putArray("tags").add(r.tag());
        op.put("operationId", r.method().lower() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
        ArrayNode params = op.putArray("parameters");
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        if (params.isEmpty()) {
            op.remove("parameters");
        }
        ArrayNode sec = op.putArray("security");
        if (r.authenticated()) {
            sec.addObject().putArray("session");
            sec.addObject().putArray("token");
        }
        r.request().ifPresent(t -> op.putObject("requestBody").put("required", true).putObject("content")
                .putObject("application/json").set("schema", gen.ref(t)));
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(String.valueOf(r.status())).put("description", "success");
        r.response().ifPresent(t -> {
            ObjectNode schema = r.responseIsList()
                    ? Json.MAPPER.createObjectNode().put("type", "array").set("items", gen.ref(t))
                    : gen.ref(t);
            ok.putObject("content").putObject("application/json").set("schema", schema);
        });
        problem(responses, "400", "invalid request");
        if (r.authenticated()) {
            problem(responses, "401", "not signed in");
            problem(responses, "403", "not allowed");
        }
        if (r.path().contains("{")) {
            problem(responses, "404", "not found");
        }
        return op;
    }

    private static void problem(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject("application/problem+json")
                .putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        ObjectNode err = p.putObject("errors").put("type", "array").putObject("items").put("type", "object").putObject("properties");
        for (String f : new String[] {"location", "field", "value", "expected", "message"}) {
            err.putObject(f).put("type", "string");
        }
        s.putArray("required").add("type").add("title").add("status").add("detail");
        return s;
    }
}
