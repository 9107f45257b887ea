package dev.annota.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web UI that {@code annota-web} builds into its jar under {@value #ROOT}: files at {@code /}, with
 * {@code /assets/*} (content-hashed names) cached as immutable and everything else, {@code index.html} first,
 * revalidated on every load; and {@code index.html} for any other browser navigation outside {@code /api/}, so the
 * UI's own routes ({@code /projects/…}) survive a reload. Routes always win over files, so {@code /api/v1} is
 * untouched; an unknown API path stays a 404 problem. Without the built UI on the class path (a build that
 * skipped it), the server runs the API alone and says so once.
 */
public final class WebUi {
    /** Where annota-web's build puts the UI inside its jar. */
    public static final String ROOT = "/dev/annota/web/ui";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);

    private WebUi() {
    }

    /** Adds the UI to a Javalin configuration; does nothing (but log) when the UI is not on the class path. */
    public static void configure(JavalinConfig cfg) {
        URL index = WebUi.class.getResource(ROOT + "/index.html");
        if (index == null) {
            LOG.warn("the web UI is not on the class path ({}/index.html): serving the API only", ROOT);
            return;
        }
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = ROOT + "/assets";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", IMMUTABLE);
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", REVALIDATE);
            files.skipFileFunction = req -> req.getRequestURI().startsWith("/assets/") || req.getRequestURI().startsWith(Api.PREFIX);
        });
        byte[] html = read(index);
        cfg.spaRoot.addHandler("/", ctx -> serveIndex(ctx, html));
    }

    private static void serveIndex(Context ctx, byte[] html) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/assets/")) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", REVALIDATE).contentType("text/html; charset=utf-8").result(html);
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web UI's index.html at " + url, e);
        }
    }
}
