package dev.annota.store.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.suggestions.ModelPredictions;
import dev.annota.store.suggestions.Suggestions;
import dev.annota.store.workflow.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * 20,000 images on SQLite: prints how long the first and a deep page of each common filter and sort take (no
 * timing asserts — these machines are noisy), and checks with EXPLAIN QUERY PLAN that no query scans a whole
 * table without an index.
 */
class ListingAtScaleTest {
    static final int N = 20_000;
    static final Source.Model MODEL = new Source.Model("m", "1");

    @Test
    void a_listing_of_20000_images_uses_indexes_for_every_common_filter() {
        try (Database db = TestDatabases.open(Dialect.SQLITE)) {
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf(Locale.ROOT, "{\"fill_20000_images_ms\": %d}%n", (System.nanoTime() - t0) / 1_000_000);
            Map<String, ImageFilter> filters = new LinkedHashMap<>();
            ImageFilter all = ImageFilter.all();
            filters.put("all", all);
            filters.put("status=review", all.and(IndexConditions.stage(List.of(Stage.REVIEW), false)));
            filters.put("status=none", all.and(IndexConditions.stage(List.of(), true)));
            filters.put("label=2", all.and(IndexConditions.anyLabel(List.of(LabelId.of(2)))));
            filters.put("annotator=ana", all.and(IndexConditions.annotator("ana")));
            filters.put("has_suggestions=true", all.and(IndexConditions.hasSuggestions(true)));
            filters.put("min_confidence=0.45&max_confidence=0.55", all.and(IndexConditions.suggestionConfidence(0.45, 0.55)));
            filters.put("min_annotations=2", all.and(IndexConditions.annotationCount(OptionalInt.of(2), OptionalInt.empty())));
            filters.put("label=1&status=annotate&has_suggestions=true", all.and(IndexConditions.anyLabel(List.of(LabelId.of(1))))
                    .and(IndexConditions.stage(List.of(Stage.ANNOTATE), false)).and(IndexConditions.hasSuggestions(true)));
            ImageQueries q = new ImageQueries(db);
            for (Map.Entry<String, ImageFilter> f : filters.entrySet()) {
                for (ImageSort sort : List.of(ImageSort.oldestFirst(), ImageSort.mostUncertainFirst())) {
                    long start = System.nanoTime();
                    ImagePage first = q.list("p", f.getValue(), sort, 50, Optional.empty());
                    long firstMs = (System.nanoTime() - start) / 1_000_000;
                    Optional<String> cursor = first.next();
                    start = System.nanoTime();
                    int pages = 1;
                    while (cursor.isPresent() && pages < 40) {
                        cursor = q.list("p", f.getValue(), sort, 50, cursor).next();
                        pages++;
                    }
                    double perPage = (System.nanoTime() - start) / 1e6 / Math.max(1, pages - 1);
                    System.out.printf(Locale.ROOT, "{\"filter\": \"%s\", \"sort\": \"%s\", \"first_page_ms\": %d, \"next_pages_avg_ms\": %.2f, "
                            + "\"pages\": %d}%n", f.getKey(), sort.key().keyName(), firstMs, perPage, pages);
                    assertFalse(first.images().isEmpty(), f.getKey());
                }
                assertNoFullScan(db, f.getKey(), f.getValue());
            }
        }
    }

    /** The plan of the default listing query with {@code filter} scans no table without an index. */
    static void assertNoFullScan(Database db, String what, ImageFilter filter) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("i.project_id = " + params.bind("p"));
        where.addAll(filter.toSql(params));
        String sql = "EXPLAIN QUERY PLAN SELECT i.id FROM images i WHERE " + String.join(" AND ", where)
                + " ORDER BY i.created_at, i.id LIMIT 51";
        List<String> plan = db.jdbi().withHandle(h -> h.createQuery(sql).bindMap(params.values())
                .map((rs, ctx) -> rs.getString("detail")).list());
        System.out.println("plan of " + what + ": " + plan);
        for (String step : plan) {
            assertFalse(step.matches("SCAN \\w+"), what + ": full table scan in " + plan);
        }
        assertTrue(plan.stream().anyMatch(s -> s.contains("images_by_project")), what + ": " + plan);
    }

    static void fill(Database db) {
        ImageQueriesTest.project(db, "p");
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES ('ana', 'ana', 'x', 'user', 0)"));
        List<ImageRecord> images = new ArrayList<>();
        Map<String, List<Annotation>> annotations = new HashMap<>();
        for (int k = 0; k < N; k++) {
            String id = String.format(Locale.ROOT, "img-%05d", (k * 7919) % N);
            images.add(new ImageRecord(id, "p", String.format(Locale.ROOT, "%064x", k), "f" + k + ".png", 100, 100, ImageFormat.PNG, 1, k,
                    Optional.empty(), "train", Map.of(), Instant.ofEpochMilli(1_000L + k), Optional.of("imp")));
            if (k % 3 == 0) {
                List<Annotation> anns = new ArrayList<>();
                for (int j = 0; j <= k % 4; j++) {
                    anns.add(BoxAnnotation.of(LabelId.of(1 + (k + j) % 5), new PixelBox(j, j, 5, 5)));
                }
                annotations.put(id, anns);
            }
        }
        long t0 = System.nanoTime();
        new Images(db).insert(new ImportBatch("imp", "p", "test", Instant.now(), Optional.of("ana"), images, List.of(), annotations, 0, 0),
                n -> { });
        System.out.printf(Locale.ROOT, "{\"import_20000_images_6667_sets_ms\": %d}%n", (System.nanoTime() - t0) / 1_000_000);
        List<ModelPredictions> predictions = new ArrayList<>();
        for (int k = 0; k < N; k += 2) {
            double c = (k * 37 % 1000) / 1000.0;
            predictions.add(new ModelPredictions(images.get(k).id(), MODEL, List.of(new BoxAnnotation(
                    AnnotationInfo.predicted(LabelId.of(1), MODEL, c), new PixelBox(1, 1, 2, 2)))));
        }
        long t = System.nanoTime();
        new Suggestions(db).putAll(predictions);
        System.out.printf(Locale.ROOT, "{\"suggestions_for_10000_images_ms\": %d}%n", (System.nanoTime() - t) / 1_000_000);
        db.jdbi().useTransaction(h -> {
            var tasks = h.prepareBatch("INSERT INTO workflow_tasks (id, project_id, image_id, stage, overlap, position, gold, gold_version, "
                    + "created_at, updated_at) VALUES (:id, 'p', :img, :stage, 1, 0, 0, NULL, 0, 0)");
            for (int k = 0; k < N; k += 2) {
                tasks.bind("id", "t" + k).bind("img", images.get(k).id()).bind("stage", Stage.values()[k % 3].wireName()).add();
            }
            tasks.execute();
        });
        assertEquals(N, new ImageQueries(db).count("p", ImageFilter.all()));
    }
}
