package dev.annota.server;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where route groups register their routes: each route goes to the HTTP server under {@code /api/v1} and into
 * the route list that the OpenAPI document is generated from. A route that needs a signed-in caller answers
 * 401 before its handler runs when there is none.
 */
public final class Api {
    /** The prefix of every route. */
    public static final String PREFIX = "/api/v1";
    /** The name of the browser session cookie (HttpOnly, SameSite=Strict, Path=/). */
    public static final String SESSION_COOKIE = "annota_session";
    private final Javalin app;
    private final Authenticator authenticator;
    private final long maxRequestBytes;
    private final List<Route> routes = new ArrayList<>();

    Api(Javalin app, Authenticator authenticator, long maxRequestBytes) {
        this.app = app;
        this.authenticator = authenticator;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Registers {@code route} with its handler; the same method and path twice is a programming error. */
    public Api add(Route route, ApiHandler handler) {
        for (Route r : routes) {
            if (r.method() == route.method() && r.path().equals(route.path())) {
                throw new IllegalStateException("route registered twice: " + route.method() + " " + route.path());
            }
        }
        routes.add(route);
        app.addHttpHandler(HandlerType.valueOf(route.method().name()), PREFIX + route.path(), ctx -> {
            Call call = new Call(ctx, route, authenticator, maxRequestBytes);
            if (route.authenticated()) {
                call.actor();
            }
            handler.handle(call);
        });
        return this;
    }

    /** Every route registered so far, in order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
