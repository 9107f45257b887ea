package dev.annota.app.embeddings;

import dev.annota.app.auth.Actor;
import dev.annota.app.embeddings.SimilarityResults.Cluster;
import dev.annota.app.embeddings.SimilarityResults.Clustering;
import dev.annota.app.embeddings.SimilarityResults.DatasetMap;
import dev.annota.app.embeddings.SimilarityResults.DuplicatePair;
import dev.annota.app.embeddings.SimilarityResults.MapPoint;
import dev.annota.app.embeddings.SimilarityResults.NearDuplicates;
import dev.annota.app.embeddings.SimilarityResults.Neighbour;
import dev.annota.app.embeddings.SimilarityResults.Similar;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.images.ImageRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * "More like this", near-duplicates, clusters and the 2-D map over a project's stored embeddings. Any member of the
 * project (and admins) may read them. The model is named by its key ({@code squeezenet1.1-embed}); when omitted,
 * the project's only embedding model is used. The vectors are held in memory per (project, model)
 * ({@link VectorIndexCache}).
 */
public final class ProjectSimilarity {
    /** Near-duplicate search compares every pair: at most this many vectors. */
    public static final int MAX_PAIRWISE = 20_000;

    private final ImageCatalog catalog;
    private final ImageEmbeddings embeddings;
    private final VectorIndexCache cache;

    public ProjectSimilarity(Database db, ImageCatalog catalog) {
        this.catalog = catalog;
        this.embeddings = new ImageEmbeddings(db);
        this.cache = new VectorIndexCache(embeddings);
    }

    /** The {@code k} images most similar to the image (itself excluded). */
    public Similar similar(Actor actor, String imageId, int k, Optional<String> model) {
        ImageRecord image = catalog.image(actor, imageId);
        String key = modelKey(image.projectId(), model);
        VectorIndex index = cache.get(image.projectId(), key);
        int row = index.row(imageId).orElseThrow(() -> new NotFoundException("image " + imageId + " has no embedding from " + key
                + " yet; run the embed operation on its project"));
        List<Neighbour> out = index.nearest(row, k).stream().map(h -> new Neighbour(index.id(h.row()), round(h.similarity()))).toList();
        return new Similar(key, imageId, out);
    }

    /** Pairs of images whose similarity is at least {@code threshold}, most similar first, at most {@code limit}. */
    public NearDuplicates nearDuplicates(Actor actor, String projectId, double threshold, int limit, Optional<String> model) {
        catalog.requireProject(actor, projectId);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ValidationException.of("threshold", threshold, "expected a cosine similarity from 0 to 1, e.g. 0.95");
        }
        String key = modelKey(projectId, model);
        VectorIndex index = cache.get(projectId, key);
        if (index.size() > MAX_PAIRWISE) {
            throw ValidationException.of("project", projectId, "at most " + MAX_PAIRWISE + " embedded images for a pairwise "
                    + "near-duplicate search (this project has " + index.size() + ")");
        }
        List<VectorIndex.Pair> pairs = index.pairsAtLeast(threshold, limit + 1);
        List<DuplicatePair> out = pairs.stream().limit(limit)
                .map(p -> new DuplicatePair(index.id(p.a()), index.id(p.b()), round(p.similarity()))).toList();
        return new NearDuplicates(key, threshold, out, pairs.size() > limit);
    }

    /** k-means clusters of the project's embedded images (only the unlabelled ones when asked), largest first. */
    public Clustering clusters(Actor actor, String projectId, int k, boolean onlyUnlabelled, long seed, Optional<String> model) {
        catalog.requireProject(actor, projectId);
        String key = modelKey(projectId, model);
        Selection s = select(projectId, key, onlyUnlabelled);
        if (k < 1 || k > Math.max(1, s.ids().size())) {
            throw ValidationException.of("k", k, "expected a number of clusters from 1 to the number of images to cluster ("
                    + s.ids().size() + (onlyUnlabelled ? " unlabelled" : "") + " embedded)");
        }
        KMeans.Result r = KMeans.cluster(s.values(), s.ids().size(), s.dim(), k, seed, 300);
        List<List<String>> members = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < s.ids().size(); i++) {
            members.get(r.assignment()[i]).add(s.ids().get(i));
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!members.get(j).isEmpty()) {
                clusters.add(new Cluster(j, s.ids().get(r.medoids()[j]), members.get(j)));
            }
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> -c.imageIds().size()).thenComparing(Cluster::medoid));
        List<Cluster> numbered = new ArrayList<>();
        for (int j = 0; j < clusters.size(); j++) {
            numbered.add(new Cluster(j, clusters.get(j).medoid(), clusters.get(j).imageIds()));
        }
        return new Clustering(key, k, seed, s.ids().size(), r.iterations(), r.converged(), numbered);
    }

    /** The 2-D PCA map of the project's embedded images, with k-means clusters when {@code clusters} > 0. */
    public DatasetMap map(Actor actor, String projectId, int clusters, long seed, Optional<String> model) {
        return map(actor, projectId, clusters, seed, model, Optional.empty());
    }

    /**
     * The 2-D map of the project's embedded images: t-SNE when {@code tsne} is given (method "tsne"; no
     * variances, zeros), else PCA; with k-means clusters when {@code clusters} > 0.
     */
    public DatasetMap map(Actor actor, String projectId, int clusters, long seed, Optional<String> model, Optional<Tsne.Options> tsne) {
        catalog.requireProject(actor, projectId);
        String key = modelKey(projectId, model);
        VectorIndex index = cache.get(projectId, key);
        int n = index.size();
        String method = tsne.isPresent() ? "tsne" : "pca";
        if (n == 0) {
            return new DatasetMap(key, method, new double[2], List.of());
        }
        if (clusters > n) {
            throw ValidationException.of("clusters", clusters, "expected at most the number of embedded images (" + n + ")");
        }
        double[][] xy;
        double[] variances;
        if (tsne.isPresent()) {
            xy = Tsne.embed(index.values(), n, index.dim(), tsne.get());
            variances = new double[2];
        } else {
            Pca.Result pca = Pca.project(index.values(), n, index.dim());
            xy = pca.coordinates();
            variances = pca.variances();
        }
        int[] assignment = clusters > 0 ? KMeans.cluster(index.values(), n, index.dim(), clusters, seed, 300).assignment() : null;
        List<MapPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new MapPoint(index.id(i), round(xy[i][0]), round(xy[i][1]),
                    assignment == null ? OptionalInt.empty() : OptionalInt.of(assignment[i])));
        }
        return new DatasetMap(key, method, variances, points);
    }

    /** The embedding models of the project (key, vector length, number of images). */
    public List<ImageEmbeddings.ModelSummary> models(Actor actor, String projectId) {
        catalog.requireProject(actor, projectId);
        return embeddings.models(projectId);
    }

    private record Selection(List<String> ids, float[] values, int dim) {
    }

    private Selection select(String projectId, String key, boolean onlyUnlabelled) {
        VectorIndex index = cache.get(projectId, key);
        if (!onlyUnlabelled) {
            return new Selection(ids(index), index.values(), index.dim());
        }
        Set<String> annotated = embeddings.annotatedImages(projectId);
        List<String> ids = new ArrayList<>();
        float[] values = new float[index.size() * index.dim()];
        for (int i = 0; i < index.size(); i++) {
            if (!annotated.contains(index.id(i))) {
                System.arraycopy(index.values(), i * index.dim(), values, ids.size() * index.dim(), index.dim());
                ids.add(index.id(i));
            }
        }
        return new Selection(ids, java.util.Arrays.copyOf(values, ids.size() * index.dim()), index.dim());
    }

    private static List<String> ids(VectorIndex index) {
        List<String> out = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.add(index.id(i));
        }
        return out;
    }

    /** The embedding model to use: {@code model} when the project has it, else the project's only one (404 with none, 400 when several). */
    public String modelKey(String projectId, Optional<String> model) {
        List<ImageEmbeddings.ModelSummary> models = embeddings.models(projectId);
        if (model.isPresent()) {
            if (models.stream().noneMatch(m -> m.modelKey().equals(model.get()))) {
                throw new NotFoundException("project " + projectId + " has no embeddings from model '" + model.get() + "' (it has: "
                        + (models.isEmpty() ? "none" : String.join(", ", models.stream().map(ImageEmbeddings.ModelSummary::modelKey).toList()))
                        + ")");
            }
            return model.get();
        }
        if (models.isEmpty()) {
            throw new NotFoundException("project " + projectId + " has no embeddings yet; run the embed operation first");
        }
        if (models.size() > 1) {
            throw ValidationException.of("model", "", "expected one of the project's embedding models: "
                    + String.join(", ", models.stream().map(ImageEmbeddings.ModelSummary::modelKey).toList()));
        }
        return models.get(0).modelKey();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
