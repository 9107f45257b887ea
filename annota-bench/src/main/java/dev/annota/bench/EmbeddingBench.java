package dev.annota.bench;

import dev.annota.app.embeddings.VectorIndex;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.embed.Embedder;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Embedding benchmarks. {@code knn}: "more like this" (top 20 by cosine) over 100,000 random 512-value vectors,
 * {@link VectorIndex}'s scan of one packed {@code float[]} with a 20-slot heap against the naive loop over a
 * {@code List<double[]>} that computes each cosine with both norms and sorts every candidate; the two must return
 * the same images. {@code embed}: SqueezeNet 1.1 features of the shared photos (decoded once) against the same
 * model's classification of the same images, images/s each — the ratio is the cost of the tapped output.
 */
final class EmbeddingBench {
    private static final int N = 100_000;
    private static final int DIM = 512;
    private static final int K = 20;

    private EmbeddingBench() {
    }

    static BenchResult knn() {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] packed = new float[N * DIM];
        List<double[]> naive = new ArrayList<>(N);
        List<String> ids = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            double[] v = new double[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = rnd.nextGaussian();
                packed[i * DIM + d] = (float) v[d];
            }
            naive.add(v);
            ids.add("img" + i);
        }
        long loadStart = System.nanoTime();
        VectorIndex index = new VectorIndex(ids, packed, DIM);
        double buildS = (System.nanoTime() - loadStart) / 1e9;
        int[] queries = {0, 12_345, 99_999, 50_000, 777};
        for (int q : queries) {
            List<Integer> ours = index.nearest(q, K).stream().map(VectorIndex.Hit::row).toList();
            if (!ours.equals(naiveTopK(naive, q))) {
                throw new IllegalStateException("kNN of row " + q + " differs from the naive loop: " + ours + " vs " + naiveTopK(naive, q));
            }
        }
        int[] next = {0};
        double oursS = Timer.secondsPerCall(() -> index.nearest(queries[next[0]++ % queries.length], K).get(0).row(), 3, 20);
        double baseS = Timer.secondsPerCall(() -> naiveTopK(naive, queries[next[0]++ % queries.length]).get(0), 1, 5);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vectors", N);
        details.put("dim", DIM);
        details.put("k", K);
        details.put("index_build_s", buildS);
        details.put("query_ms", oursS * 1000);
        details.put("naive_query_ms", baseS * 1000);
        return new BenchResult("knn", "seconds per top-" + K + " query over " + N + " x " + DIM, "List<double[]> cosine + full sort",
                oursS, baseS, details);
    }

    private static List<Integer> naiveTopK(List<double[]> all, int q) {
        double[] query = all.get(q);
        List<double[]> scored = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (i == q) {
                continue;
            }
            double[] v = all.get(i);
            double dot = 0;
            double nq = 0;
            double nv = 0;
            for (int d = 0; d < v.length; d++) {
                dot += query[d] * v[d];
                nq += query[d] * query[d];
                nv += v[d] * v[d];
            }
            scored.add(new double[] {i, dot / Math.sqrt(nq * nv)});
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
        return scored.subList(0, K).stream().map(s -> (int) s[0]).toList();
    }

    static BenchResult embed() {
        Path model = SharedData.resolve("models/squeezenet1.1").orElseThrow(() -> new IllegalStateException("../shared/models/squeezenet1.1 is absent"));
        Path photos = SharedData.resolve("images/photos").orElseThrow(() -> new IllegalStateException("../shared/images/photos is absent"));
        try (Stream<Path> files = Files.list(photos);
             Embedder embedder = Embedder.open(model, PredictorOptions.defaults());
             Predictor classifier = Predictor.load(model, PredictorOptions.defaults())) {
            List<RgbImage> images = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().matches(".*\\.(jpg|png)$")).sorted().toList()) {
                images.add(ImageDecoder.read(p));
            }
            double oursS = Timer.secondsPerCall(() -> embedder.embed(images).size(), 1, 3) / images.size();
            double baseS = Timer.secondsPerCall(() -> classifier.predictAll(images).size(), 1, 3) / images.size();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("images", images.size());
            details.put("embed_images_per_s", 1 / oursS);
            details.put("classify_images_per_s", 1 / baseS);
            details.put("model", embedder.key());
            return new BenchResult("embed", "seconds per image (decoded photos, preprocess + infer)", "same model classifying",
                    oursS, baseS, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
