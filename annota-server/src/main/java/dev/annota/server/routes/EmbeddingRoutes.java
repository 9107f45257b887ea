package dev.annota.server.routes;

import dev.annota.app.embeddings.EmbedProject;
import dev.annota.app.embeddings.EmbedRequest;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.embeddings.SimilarityResults;
import dev.annota.app.embeddings.Tsne;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.EmbeddingViews.ClusterBody;
import dev.annota.server.routes.EmbeddingViews.EmbedBody;
import dev.annota.server.routes.EmbeddingViews.MapView;
import dev.annota.server.routes.EmbeddingViews.ModelList;
import dev.annota.server.routes.OperationViews.OperationView;
import dev.annota.store.images.ImageStore;

/**
 * Embeddings and similarity: start the {@code embed} operation (managers and admins), then — for any member of the
 * project — similar images, near-duplicate pairs, k-means clusters and the 2-D map.
 */
public final class EmbeddingRoutes implements RouteGroup {
    private static final String MANAGERS = "admin, or a manager of the project";
    private static final String MEMBERS = "admin, or any member of the project";
    private final ProjectOperations operations;
    private final EmbedProject embed;
    private final ProjectSimilarity similarity;

    public EmbeddingRoutes(ServerContext ctx) {
        this.operations = new ProjectOperations(ctx.db(), ctx.operations(), ctx.access());
        this.embed = EmbedProject.forDataDir(ctx.db(), ctx.config().dataDir());
        this.similarity = new ProjectSimilarity(ctx.db(), new ImageCatalog(ctx.db(), new ImageStore(ctx.config().dataDir()), ctx.access()));
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/projects/{projectId}/embeddings", "Embed every image of the project that has no vector from the model "
                        + "yet (model: a folder under <data>/models); 202 with the operation").tag("embeddings").roles(MANAGERS)
                .accepts(EmbedBody.class).returns(OperationView.class).status(202), call -> {
            EmbedBody b = call.body(EmbedBody.class);
            EmbedRequest request = new EmbedRequest(call.path("projectId"), b.model(),
                    b.batchSize() == null ? EmbedRequest.DEFAULT_BATCH : b.batchSize());
            OperationViews.accepted(call, embed.start(call.actor(), operations, request));
        });
        api.add(Route.get("/projects/{projectId}/embeddings", "The project's embedding models: key, vector length, images")
                .tag("embeddings").roles(MEMBERS).returns(ModelList.class),
                call -> call.respond(new ModelList(similarity.models(call.actor(), call.path("projectId")))));
        api.add(Route.get("/images/{imageId}/similar", "The k images most like this one (cosine similarity of embeddings; k 1-500, "
                        + "default 20; model: an embedding key)").tag("embeddings").roles(MEMBERS).returns(SimilarityResults.Similar.class),
                call -> call.respond(similarity.similar(call.actor(), call.path("imageId"), call.queryInt("k", 20, 1, 500),
                        call.query("model"))));
        api.add(Route.get("/projects/{projectId}/near-duplicates", "Pairs of images whose embeddings' cosine similarity is at least "
                        + "threshold (default 0.95), most similar first (limit 1-10000, default 1000)").tag("embeddings").roles(MEMBERS)
                .returns(SimilarityResults.NearDuplicates.class),
                call -> call.respond(similarity.nearDuplicates(call.actor(), call.path("projectId"), threshold(call),
                        call.queryInt("limit", 1000, 1, 10_000), call.query("model"))));
        api.add(Route.post("/projects/{projectId}/clusters", "k-means clusters (k-means++, seeded) of the embedded images, only the "
                        + "unlabelled ones by default: members and medoid per cluster, largest first").tag("embeddings").roles(MEMBERS)
                .accepts(ClusterBody.class).returns(SimilarityResults.Clustering.class), call -> {
            ClusterBody b = call.body(ClusterBody.class);
            call.respond(similarity.clusters(call.actor(), call.path("projectId"), b.k(), b.onlyUnlabelled() == null || b.onlyUnlabelled(),
                    b.seed() == null ? 1L : b.seed(), java.util.Optional.ofNullable(b.model())));
        });
        api.add(Route.get("/projects/{projectId}/map", "A 2-D map of the embedded images: method=pca (default) or tsne "
                        + "(seeded by seed, perplexity=2-100, default 30; at most " + Tsne.MAX_POINTS + " images), with k-means "
                        + "clusters when clusters=K (0-100, default 0)").tag("embeddings").roles(MEMBERS).returns(MapView.class), call -> {
            int seed = call.queryInt("seed", 1, 0, Integer.MAX_VALUE);
            call.respond(MapView.of(similarity.map(call.actor(), call.path("projectId"), call.queryInt("clusters", 0, 0, 100), seed,
                    call.query("model"), tsne(call, seed))));
        });
    }

    /** {@code method=tsne} with its perplexity, or empty for PCA. */
    private static java.util.Optional<Tsne.Options> tsne(Call call, int seed) {
        String method = call.query("method").orElse("pca").trim();
        if (method.equals("pca")) {
            return java.util.Optional.empty();
        }
        if (!method.equals("tsne")) {
            throw new ValidationException(new FieldError("?method", "method", method, "expected pca or tsne"));
        }
        String raw = call.query("perplexity").orElse("30");
        try {
            return java.util.Optional.of(new Tsne.Options(Double.parseDouble(raw.trim()), 1000, seed));
        } catch (NumberFormatException e) {
            throw new ValidationException(new FieldError("?perplexity", "perplexity", raw, "expected a number from 2 to 100 (30 is usual)"));
        }
    }

    private static double threshold(Call call) {
        String raw = call.query("threshold").orElse("0.95");
        try {
            double t = Double.parseDouble(raw.trim());
            if (t >= 0 && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError("?threshold", "threshold", raw, "expected a cosine similarity from 0 to 1, e.g. 0.95"));
    }
}
