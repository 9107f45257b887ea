package dev.annota.server.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.annota.app.embeddings.SimilarityResults.DatasetMap;
import dev.annota.app.embeddings.SimilarityResults.MapPoint;
import dev.annota.store.embeddings.ImageEmbeddings.ModelSummary;
import java.util.List;

/** Request and response bodies of the embedding routes (snake_case JSON). */
final class EmbeddingViews {
    private EmbeddingViews() {
    }

    /** Start embedding: {@code model} (a folder under the server's models folder), {@code batch_size} (default 32). */
    record EmbedBody(String model, Integer batchSize) {
        EmbedBody {
            Require.present("model", model, "the name of a model folder on the server, e.g. squeezenet1.1");
        }
    }

    /** Cluster: {@code k}, {@code only_unlabelled} (default true), {@code seed} (default 1), {@code model} key. */
    record ClusterBody(Integer k, Boolean onlyUnlabelled, Long seed, String model) {
        ClusterBody {
            Require.present("k", k, "the number of clusters, e.g. 10");
        }
    }

    /** The project's embedding models. */
    record ModelList(List<ModelSummary> models) {
    }

    /** One point of the map; {@code cluster} only when clusters were asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PointView(String imageId, double x, double y, Integer cluster) {
        static PointView of(MapPoint p) {
            return new PointView(p.imageId(), p.x(), p.y(), p.cluster().isPresent() ? p.cluster().getAsInt() : null);
        }
    }

    record MapView(String model, String method, double[] variances, List<PointView> points) {
        static MapView of(DatasetMap m) {
            return new MapView(m.model(), m.method(), m.variances(), m.points().stream().map(PointView::of).toList());
        }
    }
}
