package dev.annota.server.routes;

import dev.annota.app.auth.AuditTrail;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.store.auth.AuditEntry;
import java.util.List;

/** The audit log (admins only): newest first, {@code ?limit=} and the {@code ?after=} cursor of the last page. */
public final class AuditRoutes implements RouteGroup {
    /** One entry. */
    public record AuditView(String id, String at, String userId, String action, String target, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at().toString(), e.userId().orElse(null), e.action(), e.target(), e.detail());
        }
    }

    /** One page and the cursor of the next ({@code null} on the last page). */
    public record AuditPage(List<AuditView> entries, String next) {
    }

    private final AuditTrail audit;

    public AuditRoutes(ServerContext ctx) {
        this.audit = ctx.auth().audit();
    }

    @Override
    public void register(Api api) {
        api.add(Route.get("/audit", "The audit log, newest first (?limit=1..1000, default 100; ?after=<cursor>)").tag("audit")
                .roles("admin").returns(AuditPage.class), call -> {
            AuditTrail.Page page = audit.list(call.actor(), call.queryInt("limit", 100, 1, 1000), call.query("after"));
            call.respond(new AuditPage(page.entries().stream().map(AuditView::of).toList(), page.next().orElse(null)));
        });
    }
}
