package dev.annota.server;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.AuthServices;
import dev.annota.app.operations.OperationRunner;
import dev.annota.store.Database;
import java.util.Objects;

/**
 * What route groups are built from: the configuration, the open database, the auth use cases and the runner of
 * long operations (exports, asynchronous imports), which the server closes when it closes.
 */
public record ServerContext(ServerConfig config, Database db, AuthServices auth, OperationRunner operations) {
    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(operations, "operations");
    }

    /** The permission checks, for use cases of other areas. */
    public Access access() {
        return auth.access();
    }
}
