package dev.annota.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One API route and its documentation: method, path under {@code /api/v1} (Javalin syntax, {@code {id}} for
 * path parameters), summary, tag, who may call it, request and response body types (records, documented by
 * reflection in the OpenAPI document) and the success status. Built with the static factories and the
 * {@code with}-style methods: {@code Route.get("/users", "List the users").tag("users").roles("admin")
 * .returnsList(UserView.class)}. Routes need a signed-in caller unless {@link #open()} is called.
 */
public record Route(Method method, String path, String summary, String tag, List<String> roles, boolean authenticated,
                    Optional<Class<?>> request, Optional<Class<?>> response, boolean responseIsList, int status) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(tag, "tag");
        roles = List.copyOf(roles);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
    }

    public static Route of(Method method, String path, String summary) {
        return new Route(method, path, summary, "default", List.of(), true, Optional.empty(), Optional.empty(), false,
                method == Method.DELETE ? 204 : 200);
    }

    public static Route get(String path, String summary) {
        return of(Method.GET, path, summary);
    }

    public static Route post(String path, String summary) {
        return of(Method.POST, path, summary);
    }

    public static Route put(String path, String summary) {
        return of(Method.PUT, path, summary);
    }

    public static Route patch(String path, String summary) {
        return of(Method.PATCH, path, summary);
    }

    public static Route delete(String path, String summary) {
        return of(Method.DELETE, path, summary);
    }

    public Route tag(String t) {
        return new Route(method, path, summary, t, roles, authenticated, request, response, responseIsList, status);
    }

    /** Who may call it, for the documentation: {@code "admin"}, {@code "manager"}, {@code "any signed-in user"}... */
    public Route roles(String... r) {
        return new Route(method, path, summary, tag, List.of(r), authenticated, request, response, responseIsList, status);
    }

    /** Callable without signing in. */
    public Route open() {
        return new Route(method, path, summary, tag, List.of("anyone"), false, request, response, responseIsList, status);
    }

    public Route accepts(Class<?> body) {
        return new Route(method, path, summary, tag, roles, authenticated, Optional.of(body), response, responseIsList, status);
    }

    public Route returns(Class<?> body) {
        return new Route(method, path, summary, tag, roles, authenticated, request, Optional.of(body), false, status);
    }

    public Route returnsList(Class<?> element) {
        return new Route(method, path, summary, tag, roles, authenticated, request, Optional.of(element), true, status);
    }

    /** The success status (200 by default, 204 for DELETE). */
    public Route status(int s) {
        return new Route(method, path, summary, tag, roles, authenticated, request, response, responseIsList, s);
    }
}
