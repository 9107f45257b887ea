package dev.annota.bench;

import dev.annota.app.Progress;
import dev.annota.app.auth.Access;
import dev.annota.app.models.LoadedModels;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.prelabel.Prelabel;
import dev.annota.app.prelabel.PrelabelReport;
import dev.annota.app.prelabel.PrelabelRequest;
import dev.annota.app.prelabel.PrelabelSettings;
import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.PreparedImage;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageFormat;
import dev.annota.store.images.ImageStore;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.projects.Projects;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code prelabel}: pre-label N images (the shared photos replicated: distinct rows whose stored files are hard links
 * to the photos, so every image is read from the content store and decoded) with SqueezeNet and with YOLOX-nano, end
 * to end (read file → decode → preprocess → infer → postprocess → store suggestions in SQLite), and — in the same
 * run, same predictor, batch size and threads — the model alone on ready input tensors. Two settings per model: as
 * before (full-size decode, ONNX Runtime threads spinning while idle) and tuned (large images decoded at reduced
 * scale, no spinning, so the decoders get the cycles); plus a one-thread profile of where an image's time goes.
 * Ours = the tuned end to end, baseline = the faster model-only run, as seconds per image; {@code speedup} is then
 * the end-to-end share of the model-only throughput (target ≥ 0.85). N is {@code -Dannota.bench.prelabel.images}
 * (default 2000).
 */
final class PrelabelBench {
    private PrelabelBench() {
    }

    static BenchResult run() {
        int n = Integer.getInteger("annota.bench.prelabel.images", 2000);
        Path photos = SharedData.resolve("images/photos").orElseThrow(() -> new IllegalStateException("../shared/images/photos is absent"));
        try {
            Path data = Files.createTempDirectory("annota-bench-prelabel-");
            try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
                String project = new Projects(db).create("Bench", "", LabelSchema.of("object")).id();
                List<Path> files = photos(photos);
                addImages(db, new ImageStore(data), project, files, n);
                Access access = Access.of(db);
                ModelRegistry registry = new ModelRegistry(db, data, access);
                ProjectModelLinks links = new ProjectModelLinks(db, registry, access);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("images", n);
                details.put("cores", Runtime.getRuntime().availableProcessors());
                details.put("load_average_before", load());
                PrelabelSettings tuned = PrelabelSettings.defaults();
                details.put("decode_threads", tuned.decodeThreads());
                double e2eTotal = 0;
                double modelTotal = 0;
                // as before: full-size decode, ONNX Runtime spinning; tuned: reduced-scale decode, no spinning
                try (LoadedModels spinning = new LoadedModels(registry, PredictorOptions.defaults());
                     LoadedModels quiet = new LoadedModels(registry, PredictorOptions.defaults().withSpinWait(false))) {
                    for (String folder : List.of("squeezenet1.1", "yolox-nano")) {
                        ModelRecord m = registry.add(new ModelRegistry.NewModel(SharedData.resolve("models/" + folder).orElseThrow(),
                                Optional.empty(), Optional.empty()), Optional.empty());
                        Map<String, String> everything = new LinkedHashMap<>();
                        m.labels().forEach(l -> everything.putIfAbsent(l, "object"));
                        links.linkAsOwner(project, m.id(), everything);
                        Map<String, Object> d = new LinkedHashMap<>();
                        Predictor best = spinning.get(m);
                        int batch = best.batches() ? 8 : 1;
                        d.put("batch", batch);
                        d.put("profile_one_thread", PrelabelProfile.of(best, files, 1));
                        Map<String, Object> before = variant(db, data, links, spinning, m, project, tuned.withReducedDecode(false), files, n, batch);
                        Map<String, Object> after = variant(db, data, links, quiet, m, project, tuned, files, n, batch);
                        d.put("full_decode_spinning", before);
                        d.put("reduced_decode_no_spinning", after);
                        double alone = (double) before.get("model_only_images_per_s");
                        double e2e = (double) after.get("end_to_end_images_per_s");
                        d.put("best_end_to_end_over_best_model_only", round(e2e / Math.max(alone, (double) after.get("model_only_images_per_s"))));
                        details.put(m.name(), d);
                        e2eTotal += 1 / e2e;
                        modelTotal += 1 / Math.max(alone, (double) after.get("model_only_images_per_s"));
                        System.err.println(m.name() + ": " + d);
                    }
                }
                details.put("load_average_after", load());
                return new BenchResult("prelabel", "seconds per image, SqueezeNet + YOLOX-nano (end to end vs model alone)",
                        "the model alone on ready tensors", e2eTotal, modelTotal, details);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One end-to-end run and one model-only run with the same predictor settings. */
    private static Map<String, Object> variant(Database db, Path data, ProjectModelLinks links, LoadedModels loaded, ModelRecord m,
                                               String project, PrelabelSettings settings, List<Path> files, int n, int batch)
            throws IOException {
        Predictor predictor = loaded.get(m);
        List<PreparedImage> inputs = ready(predictor, files);
        modelOnly(predictor, inputs, 8, batch); // warm-up: the first runs of a session are slow
        Prelabel prelabel = new Prelabel(db, new ImageStore(data), links, loaded, settings, b -> { });
        PrelabelReport r = prelabel.run(project, new PrelabelRequest(m.id(), 0.3, 100, false, false, true, Map.of()),
                ImageFilter.all(), Progress.NONE);
        double modelS = modelOnly(predictor, inputs, n, batch);
        double e2e = r.processed() / r.seconds();
        double alone = n / modelS;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("end_to_end_images_per_s", round(e2e));
        d.put("model_only_images_per_s", round(alone));
        d.put("ratio", round(e2e / alone));
        d.put("suggestions_stored", r.suggestions());
        d.put("failed", r.failures().size());
        d.put("load_average", load());
        return d;
    }

    private static double load() {
        return round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<Path> photos(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().toList();
        }
    }

    /** N rows over the photos, each stored under its own (made-up) content hash as a hard link to the photo. */
    private static void addImages(Database db, ImageStore store, String project, List<Path> files, int n) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path photo = files.get(i % files.size());
            ImageFormat format = photo.toString().endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG;
            String sha = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(24, i).putLong(0, 0x5eed).array());
            Path target = store.path(sha, format);
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, photo);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(photo, target);
            }
            rows.add(new Object[] {Ids.newId(), project, sha, photo.getFileName().toString(), format.key(), (long) i});
        }
        db.jdbi().useTransaction(h -> {
            var b = h.prepareBatch("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                    + "source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, 100, 100, ?, 1, 0, NULL, 'default', '{}', ?)");
            for (Object[] r : rows) {
                b.add(r);
            }
            b.execute();
        });
    }

    private static List<PreparedImage> ready(Predictor p, List<Path> files) throws IOException {
        List<PreparedImage> out = new ArrayList<>();
        for (Path f : files) {
            out.add(p.prepare(ImageDecoder.read(f)));
        }
        return out;
    }

    /** Seconds to run the model on {@code n} ready inputs (cycling through {@code inputs}) in batches of {@code batch}. */
    private static double modelOnly(Predictor p, List<PreparedImage> inputs, int n, int batch) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += batch) {
            List<PreparedImage> b = new ArrayList<>(batch);
            for (int k = i; k < Math.min(n, i + batch); k++) {
                b.add(inputs.get(k % inputs.size()));
            }
            p.predictPrepared(b);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
