package dev.annota.server;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The routes every server has: health and the OpenAPI document. */
final class SystemRoutes implements RouteGroup {
    /** The health answer. */
    record Health(String status) {
    }

    private final Supplier<List<Route>> routes;
    private final String version;

    SystemRoutes(Supplier<List<Route>> routes, String version) {
        this.routes = routes;
        this.version = version;
    }

    @Override
    public void register(Api api) {
        api.add(Route.get("/health", "Whether the server is up").tag("system").open().returns(Health.class),
                call -> call.respond(new Health("ok")));
        api.add(Route.get("/openapi.json", "This API as an OpenAPI 3 document").tag("system").open(),
                call -> call.respond(OpenApi.document(routes.get(), version)));
        api.add(Route.get("/version", "The server version").tag("system").open(),
                call -> call.respond(Map.of("version", version)));
    }
}
