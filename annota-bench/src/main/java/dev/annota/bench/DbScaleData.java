package dev.annota.bench;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import dev.annota.store.suggestions.Uncertainty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Fills a project with a large, realistic, seeded dataset for {@link DbScaleBench}, written straight into the
 * schema the server uses (migrations V1–V9) in the shape its own writes leave: image rows, one annotation set
 * per annotated image (boxes, classes drawn from a Zipf distribution so some classes are rare), the annotation
 * index (counts, classes, annotators), a workflow task and job per image (stages annotate / review / done),
 * model suggestions on a share of the images with their confidence statistics and uncertainty score.
 * Rows go in multi-row INSERTs in large transactions — the app's one-save-at-a-time path would take hours.
 */
final class DbScaleData {
    static final int CLASSES = 20;
    static final int USERS = 20;
    /** Share of images with model suggestions. */
    static final double SUGGESTED = 0.3;
    private static final int IMAGES_PER_STATEMENT = 100;
    private static final int IMAGES_PER_TRANSACTION = 20_000;
    private static final long START = 1_700_000_000_000L;

    /** What was generated: ids to query with, and how many rows of each kind. */
    record Generated(String projectId, int[] labelIds, List<String> userIds, List<String> sampleImageIds, long images,
                     long annotations, long suggestions, double seconds) {
    }

    private DbScaleData() {
    }

    static Generated generate(BenchDatabase db, int images, int meanPerImage, long seed, IntConsumer progress) {
        long t0 = System.nanoTime();
        String[] names = new String[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            names[c] = String.format(Locale.ROOT, "class_%02d", c);
        }
        Project project = new Projects(db.database()).create("scale", "", LabelSchema.of(names));
        int[] labelIds = project.schema().classes().stream().mapToInt(c -> c.id().value()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> users = new ArrayList<>();
        db.database().jdbi().useHandle(h -> {
            for (int u = 0; u < USERS; u++) {
                String id = uuid(random);
                users.add(id);
                h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', ?)",
                        id, "annotator" + u, START);
            }
        });
        double[] zipf = zipf(CLASSES, 1.1);
        List<String> samples = new ArrayList<>();
        long[] totals = new long[2];
        for (int from = 0; from < images; from += IMAGES_PER_TRANSACTION) {
            int to = Math.min(images, from + IMAGES_PER_TRANSACTION);
            int first = from;
            try {
                db.database().jdbi().useTransaction(h -> batch(h, project.id(), first, to, meanPerImage, labelIds, zipf, users,
                        random, samples, totals));
            } catch (SQLException e) {
                throw new IllegalStateException("generating images " + first + "–" + to + ": " + e.getMessage(), e);
            }
            progress.accept(to);
        }
        return new Generated(project.id(), labelIds, List.copyOf(users), List.copyOf(samples), images, totals[0], totals[1],
                (System.nanoTime() - t0) / 1e9);
    }

    private static void batch(Handle h, String projectId, int from, int to, int meanPerImage, int[] labelIds, double[] zipf,
                              List<String> users, SplittableRandom random, List<String> samples, long[] totals) throws SQLException {
        Connection c = h.getConnection();
        try (Rows imagesRows = new Rows(c, "images", "id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                + "source_path, split, metadata_json, created_at", 13);
             Rows sets = new Rows(c, "annotation_sets", "image_id, version, annotations_json, updated_at, updated_by, source", 6);
             Rows stats = new Rows(c, "image_annotation_stats", "image_id, annotation_count, last_author, updated_at", 4);
             Rows labels = new Rows(c, "image_labels", "image_id, label_id, annotation_count", 3);
             Rows annotators = new Rows(c, "image_annotators", "image_id, user_id, saves, last_at", 4);
             Rows tasks = new Rows(c, "workflow_tasks", "id, project_id, image_id, stage, overlap, position, gold, gold_version, "
                     + "created_at, updated_at", 10);
             Rows jobs = new Rows(c, "workflow_jobs", "id, task_id, project_id, image_id, slot, state, assignee, reviewer, created_at, "
                     + "updated_at, submitted_at", 11);
             Rows suggestions = new Rows(c, "suggestions", "id, image_id, model_name, model_version, position, annotation_json, "
                     + "confidence, created_at", 8);
             Rows suggestionStats = new Rows(c, "image_suggestion_stats", "image_id, suggestion_count, min_confidence, "
                     + "max_confidence, updated_at", 5);
             Rows scores = new Rows(c, "image_scores", "image_id, project_id, score_name, score_value, updated_at", 5)) {
            List<Rows> order = List.of(imagesRows, sets, stats, labels, annotators, tasks, jobs, suggestions, suggestionStats, scores);
            for (int i = from; i < to; i++) {
                if ((i - from) % IMAGES_PER_STATEMENT == 0) {
                    for (Rows r : order) {
                        r.flush();
                    }
                }
                String id = uuid(random);
                if (samples.size() < 10_000 && random.nextInt(Math.max(1, to / 10_000 + 1)) == 0) {
                    samples.add(id);
                }
                long created = START + i * 1_000L;
                int width = 640 + 32 * random.nextInt(20);
                int height = 480 + 32 * random.nextInt(15);
                double split = random.nextDouble();
                imagesRows.add(id, projectId, String.format(Locale.ROOT, "%064x", i), String.format(Locale.ROOT, "img_%07d.jpg", i),
                        width, height, "jpeg", 1, random.nextLong(), null, split < 0.7 ? "train" : split < 0.85 ? "val" : "test",
                        "{}", created);
                String author = users.get(random.nextInt(users.size()));
                int n = Math.max(0, (int) Math.round(meanPerImage + random.nextGaussian() * meanPerImage / 3.0));
                List<Annotation> boxes = new ArrayList<>(n);
                TreeMap<Integer, Integer> perLabel = new TreeMap<>();
                for (int k = 0; k < n; k++) {
                    int label = labelIds[draw(zipf, random)];
                    perLabel.merge(label, 1, Integer::sum);
                    double w = 8 + random.nextInt(width / 3);
                    double hh = 8 + random.nextInt(height / 3);
                    boxes.add(BoxAnnotation.of(new LabelId(label),
                            new PixelBox(random.nextInt((int) (width - w)), random.nextInt((int) (height - hh)), w, hh)));
                }
                totals[0] += n;
                sets.add(id, 1L, AnnotationJson.write(boxes), created, author, "human");
                stats.add(id, n, author, created);
                perLabel.forEach((label, count) -> labels.add(id, label, count));
                annotators.add(id, author, 1, created);
                String taskId = uuid(random);
                double stage = random.nextDouble();
                String stageName = stage < 0.5 ? "annotate" : stage < 0.7 ? "review" : "done";
                String jobState = stage < 0.5 ? "in_progress" : stage < 0.7 ? "submitted" : "accepted";
                tasks.add(taskId, projectId, id, stageName, 1, (long) i, 0, null, created, created);
                jobs.add(uuid(random), taskId, projectId, id, 0, jobState, author, null, created, created,
                        stage < 0.5 ? null : created);
                if (random.nextDouble() < SUGGESTED) {
                    int m = 1 + random.nextInt(5);
                    double min = 1;
                    double max = 0;
                    double uncertainty = 0;
                    for (int k = 0; k < m; k++) {
                        double confidence = random.nextDouble();
                        min = Math.min(min, confidence);
                        max = Math.max(max, confidence);
                        uncertainty = Math.max(uncertainty, 1 - Math.abs(2 * confidence - 1));
                        Annotation box = BoxAnnotation.of(new LabelId(labelIds[draw(zipf, random)]), new PixelBox(10, 10, 50, 40));
                        suggestions.add(uuid(random), id, "bench-model", "1", k,
                                AnnotationJson.toNode(box).toString(), confidence, created);
                    }
                    totals[1] += m;
                    suggestionStats.add(id, m, min, max, created);
                    scores.add(id, projectId, Uncertainty.SCORE_NAME, uncertainty, created);
                }
            }
            for (Rows r : order) {
                r.flush();
            }
        }
    }

    /** Cumulative Zipf weights over {@code n} ranks with exponent {@code s}. */
    private static double[] zipf(int n, double s) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int k = 0;
        while (k < cumulative.length - 1 && cumulative[k] < u) {
            k++;
        }
        return k;
    }

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * Buffers rows of one table; {@link #flush} writes them in one multi-row INSERT. The caller flushes every
     * table in dependency order every {@value #IMAGES_PER_STATEMENT} images, so foreign keys always hold.
     */
    private static final class Rows implements AutoCloseable {
        private final Connection connection;
        private final String table;
        private final String columns;
        private final int width;
        private final List<Object[]> pending = new ArrayList<>();
        private final java.util.Map<Integer, PreparedStatement> statements = new java.util.HashMap<>();

        Rows(Connection connection, String table, String columns, int width) {
            this.connection = connection;
            this.table = table;
            this.columns = columns;
            this.width = width;
        }

        void add(Object... values) {
            if (values.length != width) {
                throw new IllegalArgumentException(table + ": " + values.length + " values for " + width + " columns");
            }
            pending.add(values);
        }

        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            PreparedStatement statement = statements.get(pending.size());
            if (statement == null) {
                String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
                statement = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES "
                        + String.join(", ", Collections.nCopies(pending.size(), one)));
                statements.put(pending.size(), statement);
            }
            int p = 1;
            for (Object[] row : pending) {
                for (Object v : row) {
                    statement.setObject(p++, v);
                }
            }
            statement.executeUpdate();
            pending.clear();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
        }
    }
}
