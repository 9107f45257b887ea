package dev.annota.server;

import dev.annota.app.auth.AuthServices;
import dev.annota.app.operations.OperationRunner;
import dev.annota.store.Database;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The HTTP API server: Javalin with every route under {@code /api/v1}, one {@link ErrorMapper}, authentication
 * by session cookie or API token, and an OpenAPI document generated from the registered routes. The database is
 * opened and closed by the caller.
 *
 * <pre>{@code
 * try (AnnotaServer server = AnnotaServer.create(ServerConfig.of(dataDir, 0), db).start()) {
 *     URI api = server.apiUrl();   // http://localhost:<port>/api/v1
 * }
 * }</pre>
 */
public final class AnnotaServer implements AutoCloseable {
    private final Javalin app;
    private final Api api;
    private final ServerContext context;
    private final ServerConfig config;
    private boolean started;

    private AnnotaServer(ServerConfig config, Database db, Function<ServerContext, List<RouteGroup>> groups) {
        this.config = config;
        this.context = new ServerContext(config, db, AuthServices.of(db, config.sessionTtl()),
                OperationRunner.start(db, config.dataDir(), config.operationWorkers(), Clock.systemUTC(),
                        resumableKinds(config, db)));
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.defaultContentType = "application/json";
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            WebUi.configure(cfg);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ErrorMapper.render(e, ctx));
        app.exception(Exception.class, (e, ctx) -> ErrorMapper.render(e, ctx));
        this.api = new Api(app, new Authenticator(context.auth().authentication()), config.maxRequestBytes());
        new SystemRoutes(api::routes, version()).register(api);
        for (RouteGroup g : groups.apply(context)) {
            g.register(api);
        }
    }

    /** A server with the {@link StandardRoutes}. */
    public static AnnotaServer create(ServerConfig config, Database db) {
        return create(config, db, StandardRoutes::all);
    }

    /** A server with the route groups that {@code groups} makes from the context (tests add their own). */
    public static AnnotaServer create(ServerConfig config, Database db, Function<ServerContext, List<RouteGroup>> groups) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(db, "db");
        return new AnnotaServer(config, db, groups);
    }

    /** Starts listening on the configured port (0: a free one). */
    public synchronized AnnotaServer start() {
        if (!started) {
            app.start(config.host(), config.port());
            started = true;
        }
        return this;
    }

    /** The port listened on (the real one when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://<host>:<port>}: localhost when listening on every interface ({@code 0.0.0.0}, {@code ::}). */
    public URI baseUrl() {
        String host = config.host();
        boolean everywhere = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = everywhere ? "localhost" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port());
    }

    /** {@code http://localhost:<port>/api/v1}. */
    public URI apiUrl() {
        return URI.create(baseUrl() + Api.PREFIX);
    }

    public ServerContext context() {
        return context;
    }

    /** Every registered route. */
    public List<Route> routes() {
        return api.routes();
    }

    /** Stops listening; the database stays open. */
    public synchronized void stop() {
        if (started) {
            app.stop();
            started = false;
        }
    }

    /** Stops listening and stops the operations (queued and running ones are marked interrupted). */
    @Override
    public void close() {
        context.operations().close(); // first: its final events end the open event streams
        stop();
    }

    private static String version() {
        String v = AnnotaServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The operation kinds that a restart resumes instead of failing: embedding and pre-labelling jobs. */
    private static java.util.List<dev.annota.app.operations.ResumableKind> resumableKinds(ServerConfig config, Database db) {
        java.util.List<dev.annota.app.operations.ResumableKind> kinds = new java.util.ArrayList<>();
        kinds.add(dev.annota.app.embeddings.EmbedProject.forDataDir(db, config.dataDir()));
        kinds.addAll(dev.annota.server.routes.PrelabelRoutes.resumableKinds(config, db));
        return kinds;
    }
}
