package dev.annota.app.embeddings;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** What the similarity use cases return (the server renders them as they are). */
public final class SimilarityResults {
    private SimilarityResults() {
    }

    /** An image and its cosine similarity to the query image. */
    public record Neighbour(String imageId, double similarity) {
    }

    /** The images most like {@code imageId} by {@code model}, most similar first. */
    public record Similar(String model, String imageId, List<Neighbour> results) {
        public Similar {
            results = List.copyOf(results);
        }
    }

    /** Two images whose vectors' cosine similarity is at least the threshold. */
    public record DuplicatePair(String imageA, String imageB, double similarity) {
    }

    /** Pairs above {@code threshold}, most similar first; {@code truncated} when more existed than the limit. */
    public record NearDuplicates(String model, double threshold, List<DuplicatePair> pairs, boolean truncated) {
        public NearDuplicates {
            pairs = List.copyOf(pairs);
        }
    }

    /** A cluster: its members (image-id order) and its medoid image. */
    public record Cluster(int index, String medoid, List<String> imageIds) {
        public Cluster {
            Objects.requireNonNull(medoid, "medoid");
            imageIds = List.copyOf(imageIds);
        }
    }

    /** A k-means clustering of {@code images} images, largest cluster first. */
    public record Clustering(String model, int k, long seed, int images, int iterations, boolean converged, List<Cluster> clusters) {
        public Clustering {
            clusters = List.copyOf(clusters);
        }
    }

    /** An image on the 2-D map, with its cluster when clusters were asked for. */
    public record MapPoint(String imageId, double x, double y, OptionalInt cluster) {
    }

    /** The 2-D map by {@code method} ("pca" or "tsne"): points and, for PCA, the variance along each axis. */
    public record DatasetMap(String model, String method, double[] variances, List<MapPoint> points) {
        public DatasetMap {
            variances = variances.clone();
            points = List.copyOf(points);
        }
    }
}
