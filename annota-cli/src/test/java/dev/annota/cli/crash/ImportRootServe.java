package dev.annota.cli.crash;

import dev.annota.server.AnnotaServer;
import dev.annota.server.ServerConfig;
import dev.annota.store.Database;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only {@code annota serve} that also allows server-side imports from a folder ({@code --import-root};
 * {@code ServeCommand} has no such option yet): {@code --data DIR --import-root DIR [--db URL --db-user USER]}.
 * Prints the same "Annota is running at URL" line and serves until it is killed.
 */
public final class ImportRootServe {
    private ImportRootServe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        String url = options.getOrDefault("--db", Database.sqliteUrl(data));
        Database db = Database.open(url, options.getOrDefault("--db-user", ""), "");
        ServerConfig config = ServerConfig.of(data, Integer.parseInt(options.getOrDefault("--port", "0")))
                .withImportRoot(Path.of(options.get("--import-root")));
        AnnotaServer server = AnnotaServer.create(config, db);
        server.context().auth().firstAdmin().ensure(Optional.ofNullable(System.getenv("ANNOTA_ADMIN_PASSWORD")));
        server.start();
        System.out.println("Annota is running at " + server.baseUrl() + "/  (API " + server.apiUrl() + ", data " + data + ")");
        System.out.flush();
        Thread.currentThread().join();
    }
}
