package dev.annota.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.auth.FirstAdmin;
import dev.annota.app.demo.DemoProject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** What {@code annota demo} prints once the server runs: the URL, the project and the logins (text or one JSON document). */
final class DemoReport {
    private DemoReport() {
    }

    static void print(ServerLauncher.Running running, DemoProject.Result r, boolean json, PrintWriter out) {
        if (json) {
            out.println(json(running, r));
        } else {
            text(running, r, out);
        }
        out.flush();
    }

    private static void text(ServerLauncher.Running running, DemoProject.Result r, PrintWriter out) {
        out.println();
        out.println("Annota demo is running at " + running.server().baseUrl() + "/  (API " + running.server().apiUrl() + ")");
        out.println("  project     " + r.project().name() + " (" + r.project().id() + "): " + r.images() + " images"
                + (r.annotated().isPresent() ? ", " + r.annotated().getAsInt() + " with their exact annotations, the rest "
                + "assigned to " + r.annotator() : "") + (r.created() ? "" : " — made by an earlier start, reused"));
        out.println("  sign in as  " + FirstAdmin.USERNAME + " / " + running.createdAdmin()
                .map(c -> c.generated() ? c.password() + "   (shown only this once)" : "the password in " + ServerLauncher.ADMIN_PASSWORD_ENV)
                .orElse("the password printed on the first start (or " + ServerLauncher.ADMIN_PASSWORD_ENV + ")"));
        out.println("  annotator   " + r.annotator() + " / " + r.annotatorPassword().map(p -> p + "   (shown only this once)")
                .orElse("the password printed on the first start"));
        out.println("Press Ctrl-C to stop.");
    }

    private static String json(ServerLauncher.Running running, DemoProject.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("url", running.server().baseUrl() + "/").put("api", running.server().apiUrl().toString());
        o.put("project_id", r.project().id()).put("project_name", r.project().name()).put("created", r.created());
        o.put("images", r.images());
        r.annotated().ifPresent(n -> o.put("annotated", n));
        ObjectNode admin = o.putObject("admin").put("username", FirstAdmin.USERNAME);
        running.createdAdmin().filter(c -> c.generated()).ifPresent(c -> admin.put("password", c.password()));
        ObjectNode annotator = o.putObject("annotator").put("username", r.annotator());
        r.annotatorPassword().ifPresent(p -> annotator.put("password", p));
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
