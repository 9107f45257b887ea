package dev.annota.app.quality;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.embeddings.VectorIndex;
import dev.annota.app.embeddings.VectorIndexCache;
import dev.annota.core.error.ValidationException;
import dev.annota.eval.active.ActiveLearning;
import dev.annota.eval.active.KCenterGreedy;
import dev.annota.eval.active.Strategy;
import dev.annota.eval.active.UncertaintyScores;
import dev.annota.store.Database;
import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.projects.Projects;
import dev.annota.store.quality.QualitySignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The active-learning queue of a project: which unlabelled images (empty or no annotation set) to label next.
 * Uncertainty strategies read the confidences of each image's stored suggestions as its predicted distribution
 * (the suggested classes' confidences, plus the rest of the mass as one "other" class when they sum to less than
 * 1); images without suggestions are not candidates. k-center reads the stored embeddings; the combined
 * strategy needs both. Any member of the project may read the queue.
 */
public final class NextToLabel {
    /** The most images one request may ask for. */
    public static final int MAX_N = 1000;

    private final Access access;
    private final Projects projects;
    private final QualitySignals signals;
    private final ImageEmbeddings embeddings;
    private final ProjectSimilarity similarity;
    private final VectorIndexCache vectors;

    public NextToLabel(Database db, Access access, ProjectSimilarity similarity) {
        this.access = access;
        this.projects = new Projects(db);
        this.signals = new QualitySignals(db);
        this.embeddings = new ImageEmbeddings(db);
        this.similarity = similarity;
        this.vectors = new VectorIndexCache(embeddings);
    }

    /** The next {@code n} images by {@code strategy}; {@code model}: the embedding model (optional when only one). */
    public NextImages next(Actor actor, String projectId, String strategyName, int n, Optional<String> model, long seed) {
        access.requireProjectRole(actor, projectId);
        projects.get(projectId);
        Strategy strategy;
        try {
            strategy = Strategy.of(strategyName);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("strategy", strategyName, e.getMessage());
        }
        if (n < 1 || n > MAX_N) {
            throw ValidationException.of("n", n, "expected 1 to " + MAX_N + " images");
        }
        Map<String, double[]> confidences = signals.unlabelledConfidences(projectId);
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<float[]> vs = new ArrayList<>();
        List<float[]> labelled = new ArrayList<>();
        String key = "";
        if (strategy.needsVectors()) {
            key = similarity.modelKey(projectId, model);
            VectorIndex index = vectors.get(projectId, key);
            Set<String> annotated = embeddings.annotatedImages(projectId);
            for (int r = 0; r < index.size(); r++) {
                String id = index.id(r);
                if (annotated.contains(id)) {
                    labelled.add(index.vector(r));
                } else if (!strategy.needsProbabilities() || confidences.containsKey(id)) {
                    ids.add(id);
                    vs.add(index.vector(r));
                    rows.add(strategy.needsProbabilities() ? distribution(confidences.get(id)) : new double[0]);
                }
            }
        } else if (strategy.needsProbabilities()) {
            confidences.forEach((id, c) -> {
                ids.add(id);
                rows.add(distribution(c));
            });
        } else {
            ids.addAll(unlabelled(projectId));
        }
        if (ids.isEmpty()) {
            return new NextImages(strategy.id(), key, 0, List.of());
        }
        double[][] p = strategy.needsProbabilities() ? rows.toArray(double[][]::new) : new double[0][];
        float[][] v = vs.toArray(float[][]::new);
        float[][] l = labelled.toArray(float[][]::new);
        List<NextImages.NextImage> out = new ArrayList<>();
        if (strategy == Strategy.KCENTER) {
            for (KCenterGreedy.Pick pick : KCenterGreedy.picks(v, l, new double[0], n)) {
                double d = Double.isInfinite(pick.distance()) ? 2 : pick.distance();
                out.add(new NextImages.NextImage(ids.get(pick.index()), round(d)));
            }
        } else {
            for (int i : ActiveLearning.select(strategy, ids.size(), p, v, l, n, seed)) {
                double score = strategy.needsProbabilities() ? UncertaintyScores.of(strategy, p[i]) : 0;
                out.add(new NextImages.NextImage(ids.get(i), round(score)));
            }
        }
        return new NextImages(strategy.id(), key, ids.size(), out);
    }

    /** The suggested classes' confidences plus the remaining mass as one more class. */
    static double[] distribution(double[] confidences) {
        double sum = 0;
        for (double c : confidences) {
            sum += c;
        }
        if (sum >= 1 - 1e-9) {
            return confidences.clone();
        }
        double[] out = java.util.Arrays.copyOf(confidences, confidences.length + 1);
        out[confidences.length] = 1 - sum;
        return out;
    }

    private List<String> unlabelled(String projectId) {
        Set<String> annotated = embeddings.annotatedImages(projectId);
        return signals.imageIds(projectId).stream().filter(id -> !annotated.contains(id)).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
