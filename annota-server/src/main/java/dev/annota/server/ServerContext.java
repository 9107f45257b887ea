package dev.annota.server;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.AuthServices;
import dev.annota.store.Database;
import java.util.Objects;

/** What route groups are built from: the configuration, the open database and the auth use cases. */
public record ServerContext(ServerConfig config, Database db, AuthServices auth) {
    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(auth, "auth");
    }

    /** The permission checks, for use cases of other areas. */
    public Access access() {
        return auth.access();
    }
}
