package dev.annota.server.routes;

import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.quality.LabelErrorReport;
import dev.annota.app.quality.LabelErrorSearch;
import dev.annota.app.quality.NextImages;
import dev.annota.app.quality.NextToLabel;
import dev.annota.app.quality.ProjectLabelErrors;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.store.images.ImageStore;

/**
 * The data-quality loop's label errors (confident learning on k-fold out-of-fold probabilities of a head on the
 * stored embeddings) and the active-learning queue, for any member of the project.
 */
public final class CurationRoutes implements RouteGroup {
    private static final String MEMBERS = "admin, or any member of the project";
    private final ProjectLabelErrors labelErrors;
    private final NextToLabel next;

    public CurationRoutes(ServerContext ctx) {
        ProjectSimilarity similarity = new ProjectSimilarity(ctx.db(),
                new ImageCatalog(ctx.db(), new ImageStore(ctx.config().dataDir()), ctx.access()));
        this.labelErrors = new ProjectLabelErrors(ctx.db(), ctx.access(), similarity);
        this.next = new NextToLabel(ctx.db(), ctx.access(), similarity);
    }

    @Override
    public void register(Api api) {
        api.add(Route.get("/projects/{projectId}/quality/label-errors", "Likely label errors among the images with one class: "
                        + "a linear head on the stored embeddings, k-fold out-of-fold probabilities (folds 2-20, default 5) and "
                        + "confident learning; most suspicious first, with the suggested class").tag("quality").roles(MEMBERS)
                .returns(LabelErrorReport.class),
                call -> call.respond(labelErrors.find(call.actor(), call.path("projectId"),
                        call.queryInt("folds", LabelErrorSearch.DEFAULT_FOLDS, 2, 20), call.query("model"))));
        api.add(Route.get("/projects/{projectId}/quality/next", "The next unlabelled images to label: strategy least-confidence, "
                        + "margin or entropy (of the stored suggestions), kcenter (k-center greedy on embeddings), entropy-kcenter "
                        + "or random; n 1-" + NextToLabel.MAX_N + " (default 20)").tag("quality").roles(MEMBERS)
                .returns(NextImages.class),
                call -> call.respond(next.next(call.actor(), call.path("projectId"), call.query("strategy").orElse("entropy"),
                        call.queryInt("n", 20, 1, NextToLabel.MAX_N), call.query("model"), call.queryInt("seed", 1, 0, Integer.MAX_VALUE))));
    }
}
