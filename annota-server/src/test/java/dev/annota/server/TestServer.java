package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A running server on port 0 over a fresh test database, with an admin account {@code admin}/{@link #ADMIN_PASSWORD}. */
final class TestServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-1";
    final Database db;
    final AnnotaServer server;
    final Dialect dialect;

    private TestServer(Dialect dialect, ServerConfig config, Function<ServerContext, List<RouteGroup>> groups) {
        this.dialect = dialect;
        this.db = TestDatabases.open(dialect);
        this.server = AnnotaServer.create(config, db, groups).start();
        server.context().auth().firstAdmin().ensure(Optional.of(ADMIN_PASSWORD));
    }

    static TestServer start(Dialect dialect) {
        return start(dialect, config(), StandardRoutes::all);
    }

    static TestServer start(Dialect dialect, ServerConfig config, Function<ServerContext, List<RouteGroup>> groups) {
        return new TestServer(dialect, config, groups);
    }

    /** Port 0, a 64 KiB request limit so that "too large" is cheap to test. */
    static ServerConfig config() {
        try {
            return ServerConfig.of(Files.createTempDirectory("annota-server-"), 0).withMaxRequestBytes(64 * 1024);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Http anonymous() {
        return Http.anonymous(server.apiUrl());
    }

    /** Signs in and returns a client that sends the session cookie. */
    Http login(String username, String password) {
        Http.Response r = anonymous().post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.status(), r.text());
        String cookie = r.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        return anonymous().withCookie(cookie);
    }

    Http admin() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates a user through the API and returns its id. */
    String createUser(String username, String password, String role) {
        Http.Response r = admin().post("/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    /** The schema of {@link #createProject}: classes 1 "object" and 2 "other", any kind. */
    static final String SCHEMA_JSON = dev.annota.store.json.LabelSchemaJson.write(dev.annota.core.schema.LabelSchema.of("object", "other"));

    /** Inserts a project row directly (project CRUD belongs to another area), with the schema {@link #SCHEMA_JSON}. */
    void createProject(String id) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                + "VALUES (:id, :id, :id, '', :schema, 0, 0)").bind("id", id).bind("schema", SCHEMA_JSON).execute());
    }

    Path dataDir() {
        return server.context().config().dataDir();
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
