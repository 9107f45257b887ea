package dev.annota.server;

import dev.annota.server.routes.AnnotationRoutes;
import dev.annota.server.routes.AuditRoutes;
import dev.annota.server.routes.AuthRoutes;
import dev.annota.server.routes.EmbeddingRoutes;
import dev.annota.server.routes.ImageRoutes;
import dev.annota.server.routes.ModelRoutes;
import dev.annota.server.routes.OperationRoutes;
import dev.annota.server.routes.ProjectMemberRoutes;
import dev.annota.server.routes.ProjectRoutes;
import dev.annota.server.routes.CurationRoutes;
import dev.annota.server.routes.QualityRoutes;
import dev.annota.server.routes.TileRoutes;
import dev.annota.server.routes.TokenRoutes;
import dev.annota.server.routes.TrainingRoutes;
import dev.annota.server.routes.SuggestionRoutes;
import dev.annota.server.routes.UserRoutes;
import dev.annota.server.routes.WorkflowRoutes;
import java.util.List;

/** The route groups of a full server, one line per area: add yours here. */
public final class StandardRoutes {
    private StandardRoutes() {
    }

    public static List<RouteGroup> all(ServerContext ctx) {
        return List.of(
                new AuthRoutes(ctx),
                new TokenRoutes(ctx),
                new UserRoutes(ctx),
                new ProjectMemberRoutes(ctx),
                new ProjectRoutes(ctx),
                new AuditRoutes(ctx),
                new ImageRoutes(ctx),
                new TileRoutes(ctx),
                new AnnotationRoutes(ctx),
                new WorkflowRoutes(ctx),
                new SuggestionRoutes(ctx),
                new OperationRoutes(ctx),
                new EmbeddingRoutes(ctx),
                new QualityRoutes(ctx),
                new CurationRoutes(ctx),
                new ModelRoutes(ctx),
                new TrainingRoutes(ctx));
    }
}
