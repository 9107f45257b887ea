package dev.annota.store.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationIndex;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.suggestions.ModelPredictions;
import dev.annota.store.suggestions.Suggestions;
import dev.annota.store.suggestions.Uncertainty;
import dev.annota.store.workflow.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listing filters over the annotation index, suggestions and workflow, and the uncertainty sort: every page
 * of every filter and sort against the same answer computed in Java, on SQLite and PostgreSQL.
 */
class IndexedListingTest {
    static final int N = 300;
    static final Source.Model MODEL = new Source.Model("m", "1");

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** What the test made for image number k. */
    record Made(ImageRecord image, int k, int annotations, Set<Integer> labels, Optional<String> author,
                Optional<String> assignee, Optional<String> stage, List<Double> confidences) {
    }

    static List<Made> fill(Database db, String projectId) {
        ImageQueriesTest.project(db, projectId);
        db.jdbi().useHandle(h -> {
            for (String u : List.of("ana", "ben")) {
                h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', 0) "
                        + "ON CONFLICT (id) DO NOTHING", u, u);
            }
        });
        List<ImageRecord> images = new ArrayList<>();
        for (int k = 0; k < N; k++) {
            images.add(new ImageRecord(String.format(Locale.ROOT, "%s-%04d", projectId, (k * 7919) % N), projectId,
                    String.format(Locale.ROOT, "%s%060x", projectId, k), "f" + (k % 17) + ".png", 100, 100, ImageFormat.PNG, 1, k,
                    Optional.empty(), "train", Map.of(), Instant.ofEpochMilli(1_000L + k / 4), Optional.of(projectId + "-imp")));
        }
        new Images(db).insert(new ImportBatch(projectId + "-imp", projectId, "test", Instant.now(), Optional.empty(), images, List.of(),
                Map.of(), 0, 0), n -> { });
        AnnotationSets sets = new AnnotationSets(db);
        List<ModelPredictions> predictions = new ArrayList<>();
        List<Made> made = new ArrayList<>();
        for (int k = 0; k < N; k++) {
            String id = images.get(k).id();
            int count = k % 5;
            List<Annotation> anns = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                anns.add(BoxAnnotation.of(LabelId.of(1 + (k + j) % 3), new PixelBox(j, j, 5, 5)));
            }
            Optional<String> author = count == 0 ? Optional.empty() : Optional.of(k % 2 == 0 ? "ana" : "ben");
            if (count > 0) {
                sets.save(id, 0, anns, author, "api");
            }
            List<Double> confidences = new ArrayList<>();
            if (k % 3 != 0) {
                for (int j = 0; j < 1 + k % 3; j++) {
                    confidences.add(((k * 13 + j * 29) % 101) / 100.0);
                }
                List<Annotation> preds = confidences.stream().map(c -> (Annotation) new BoxAnnotation(
                        AnnotationInfo.predicted(LabelId.of(1), MODEL, c), new PixelBox(1, 1, 2, 2))).toList();
                predictions.add(new ModelPredictions(id, MODEL, preds));
            }
            Optional<String> stage = k % 4 == 0 ? Optional.empty() : Optional.of(Stage.values()[k % 3].wireName());
            Optional<String> assignee = stage.isPresent() && k % 7 == 0 ? Optional.of("ana") : Optional.empty();
            stage.ifPresent(s -> task(db, projectId, id, s, assignee));
            made.add(new Made(images.get(k), k, count, anns.stream().map(a -> a.label().value()).collect(java.util.stream.Collectors.toSet()),
                    author, assignee, stage, confidences));
        }
        new Suggestions(db).putAll(predictions);
        return made;
    }

    static void task(Database db, String projectId, String imageId, String stage, Optional<String> assignee) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO workflow_tasks (id, project_id, image_id, stage, overlap, position, gold, gold_version, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, 1, 0, 0, NULL, 0, 0)", "t-" + imageId, projectId, imageId, stage);
            h.execute("INSERT INTO workflow_jobs (id, task_id, project_id, image_id, slot, state, assignee, reviewer, created_at, "
                    + "updated_at, submitted_at) VALUES (?, ?, ?, ?, 0, 'open', ?, NULL, 0, 0, NULL)", "j-" + imageId, "t-" + imageId,
                    projectId, imageId, assignee.orElse(null));
        });
    }

    static final Comparator<Made> BY_TIME = Comparator.comparing((Made m) -> m.image().createdAt()).thenComparing(m -> m.image().id());

    /** Most uncertain first (ties: higher id first), then the images without suggestions oldest first. */
    static Comparator<Made> byUncertainty(boolean descending) {
        Comparator<Made> scored = Comparator.comparingDouble((Made m) -> Uncertainty.ofImage(m.confidences()).getAsDouble())
                .thenComparing(m -> m.image().id());
        Comparator<Made> dir = descending ? scored.reversed() : scored;
        return (a, b) -> {
            boolean sa = !a.confidences().isEmpty();
            boolean sb = !b.confidences().isEmpty();
            if (sa != sb) {
                return sa ? -1 : 1;
            }
            return sa ? dir.compare(a, b) : BY_TIME.compare(a, b);
        };
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_filter_and_sort_pages_through_exactly_the_matching_images(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            List<Made> made = fill(db, "p1");
            fill(db, "p2");
            ImageQueries q = new ImageQueries(db);
            ImageFilter all = ImageFilter.all();
            Map<String, Predicate<Made>> filters = new java.util.LinkedHashMap<>();
            Map<String, ImageFilter> asFilters = new HashMap<>();
            put(filters, asFilters, "all", all, m -> true);
            put(filters, asFilters, "stage review", all.and(IndexConditions.stage(List.of(Stage.REVIEW), false)),
                    m -> m.stage().equals(Optional.of("review")));
            put(filters, asFilters, "stage annotate or none", all.and(IndexConditions.stage(List.of(Stage.ANNOTATE), true)),
                    m -> m.stage().isEmpty() || m.stage().get().equals("annotate"));
            put(filters, asFilters, "no task", all.and(IndexConditions.stage(List.of(), true)), m -> m.stage().isEmpty());
            put(filters, asFilters, "label 2 or 3", all.and(IndexConditions.anyLabel(List.of(LabelId.of(2), LabelId.of(3)))),
                    m -> m.labels().contains(2) || m.labels().contains(3));
            put(filters, asFilters, "annotator ana", all.and(IndexConditions.annotator("ana")),
                    m -> m.author().equals(Optional.of("ana")) || m.assignee().equals(Optional.of("ana")));
            put(filters, asFilters, "with suggestions", all.and(IndexConditions.hasSuggestions(true)), m -> !m.confidences().isEmpty());
            put(filters, asFilters, "without suggestions", all.and(IndexConditions.hasSuggestions(false)), m -> m.confidences().isEmpty());
            put(filters, asFilters, "confidence 0.4-0.6", all.and(IndexConditions.suggestionConfidence(0.4, 0.6)),
                    m -> m.confidences().stream().anyMatch(c -> c >= 0.4 && c <= 0.6));
            put(filters, asFilters, "2 to 3 annotations", all.and(IndexConditions.annotationCount(OptionalInt.of(2), OptionalInt.of(3))),
                    m -> m.annotations() >= 2 && m.annotations() <= 3);
            put(filters, asFilters, "no annotations", all.and(IndexConditions.annotationCount(OptionalInt.empty(), OptionalInt.of(0))),
                    m -> m.annotations() == 0);
            put(filters, asFilters, "label 1 by ben, reviewing or done, uncertain",
                    all.and(IndexConditions.anyLabel(List.of(LabelId.of(1)))).and(IndexConditions.annotator("ben"))
                            .and(IndexConditions.stage(List.of(Stage.REVIEW, Stage.DONE), false))
                            .and(IndexConditions.suggestionConfidence(0.2, 0.8)),
                    m -> m.labels().contains(1) && m.author().equals(Optional.of("ben"))
                            && m.stage().map(s -> s.equals("review") || s.equals("done")).orElse(false)
                            && m.confidences().stream().anyMatch(c -> c >= 0.2 && c <= 0.8));
            Map<ImageSort, Comparator<Made>> sorts = new java.util.LinkedHashMap<>();
            sorts.put(ImageSort.oldestFirst(), BY_TIME);
            sorts.put(ImageSort.oldestFirst().reversed(), BY_TIME.reversed());
            sorts.put(ImageSort.mostUncertainFirst(), byUncertainty(true));
            sorts.put(ImageSort.mostUncertainFirst().reversed(), byUncertainty(false));
            for (Map.Entry<String, Predicate<Made>> f : filters.entrySet()) {
                List<Made> matching = made.stream().filter(f.getValue()).toList();
                assertTrue(!matching.isEmpty(), f.getKey() + " matches something");
                for (Map.Entry<ImageSort, Comparator<Made>> s : sorts.entrySet()) {
                    List<String> want = matching.stream().sorted(s.getValue()).map(m -> m.image().id()).toList();
                    String what = f.getKey() + " sorted by " + s.getKey();
                    for (int limit : List.of(7, 1000)) {
                        assertEquals(want, ImageQueriesTest.ids(ImageQueriesTest.pages(q, "p1", asFilters.get(f.getKey()), s.getKey(), limit)),
                                what + " in pages of " + limit);
                    }
                }
                assertEquals(matching.size(), q.count("p1", asFilters.get(f.getKey())), f.getKey());
            }
        }
    }

    static void put(Map<String, Predicate<Made>> filters, Map<String, ImageFilter> asFilters, String name, ImageFilter f, Predicate<Made> p) {
        filters.put(name, p);
        asFilters.put(name, f);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void sets_saved_before_the_index_existed_are_indexed_once(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            List<Made> made = fill(db, "p1");
            db.jdbi().useHandle(h -> {
                h.execute("DELETE FROM image_annotation_stats");
                h.execute("DELETE FROM image_labels");
            });
            long withSets = made.stream().filter(m -> m.annotations() > 0).count();
            assertEquals(withSets, AnnotationIndex.rebuildMissing(db));
            assertEquals(0, AnnotationIndex.rebuildMissing(db));
            ImageFilter label3 = ImageFilter.all().and(IndexConditions.anyLabel(List.of(LabelId.of(3))));
            assertEquals(made.stream().filter(m -> m.labels().contains(3)).count(), new ImageQueries(db).count("p1", label3));
        }
    }
}
