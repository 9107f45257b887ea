package dev.annota.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.auth.Actor;
import dev.annota.core.error.ValidationException;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * One request to a route, as its handler sees it: who is calling, path and query parameters, the JSON body as
 * a record, and ways to respond. {@link #ctx()} gives the underlying Javalin context for anything else
 * (streams, headers, cookies).
 */
public final class Call {
    private final Context ctx;
    private final Route route;
    private final Authenticator authenticator;
    private final long maxRequestBytes;

    Call(Context ctx, Route route, Authenticator authenticator, long maxRequestBytes) {
        this.ctx = ctx;
        this.route = route;
        this.authenticator = authenticator;
        this.maxRequestBytes = maxRequestBytes;
    }

    public Context ctx() {
        return ctx;
    }

    public Route route() {
        return route;
    }

    /** The signed-in caller; a 401 problem when there is none. */
    public Actor actor() {
        return authenticator.actor(ctx).orElseThrow(() -> HttpProblem.unauthenticated(
                "sign in first (POST /api/v1/auth/login) or send 'Authorization: Bearer <API token>'"));
    }

    /** The caller, if signed in (for routes open to anyone). */
    public Optional<Actor> optionalActor() {
        return authenticator.actor(ctx);
    }

    /** A path parameter, e.g. {@code projectId} of {@code /projects/{projectId}}. */
    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** A query parameter, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    /** A whole-number query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    public int queryInt(String name, int fallback, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get().trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new dev.annota.core.error.FieldError("?" + name, name, raw.get(),
                "expected a whole number from " + min + " to " + max));
    }

    /** The JSON body as {@code type} (a record); every malformed body becomes a 4xx problem. */
    public <T> T body(Class<T> type) {
        return JsonBody.read(ctx, maxRequestBytes, type);
    }

    /** The JSON body as a tree, after the same content-type, size and syntax checks. */
    public JsonNode bodyTree() {
        return JsonBody.readTree(ctx, maxRequestBytes);
    }

    /** Responds with the route's success status and {@code body} as JSON. */
    public void respond(Object body) {
        respond(route.status(), body);
    }

    public void respond(int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the response of " + route.path(), e);
        }
    }

    /** 204 No Content. */
    public void noContent() {
        ctx.status(204);
    }
}
