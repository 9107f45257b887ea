package dev.annota.store.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageQueriesTest {
    static final int N = 1000;

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static void project(Database db, String id) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                + "VALUES (:id, :id, :id, '', '{}', 0, 0)").bind("id", id).execute());
    }

    /** 1,000 images in two imports: splits, cameras, sizes, and every third one annotated; many share a time. */
    static List<ImageRecord> fill(Database db, String projectId) {
        List<ImageRecord> all = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            String importId = projectId + "-imp" + batch;
            List<ImageRecord> images = new ArrayList<>();
            Map<String, List<Annotation>> annotations = new HashMap<>();
            for (int k = 0; k < N / 2; k++) {
                int i = batch * N / 2 + k;
                String id = projectId + String.format(Locale.ROOT, "-img-%04d", (i * 7919) % N);
                String sha = String.format(Locale.ROOT, "%064x", i + 1);
                ImageRecord r = new ImageRecord(id, projectId, sha, "photo_" + (i * 31 % 997) + ".jpg", 100 + i % 13, 50 + i % 7,
                        ImageFormat.JPEG, 1, i, Optional.of("in/" + i + ".jpg"), i % 3 == 0 ? "val" : "train",
                        Map.of("camera", i % 4 == 0 ? "b" : "a", "index", Integer.toString(i)),
                        Instant.ofEpochMilli(1_000_000L + i / 10), Optional.of(importId));
                images.add(r);
                if (i % 3 == 1) {
                    annotations.put(id, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 2, 3, 4))));
                }
            }
            new Images(db).insert(new ImportBatch(importId, projectId, "test", Instant.now(), Optional.empty(), images,
                    List.of(new NearDuplicate(images.get(1).id(), images.get(0).id(), 3)), annotations, 0, 0), n -> { });
            all.addAll(images);
        }
        return all;
    }

    static List<ImageRecord> pages(ImageQueries q, String project, ImageFilter filter, ImageSort sort, int limit) {
        List<ImageRecord> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            ImagePage page = q.list(project, filter, sort, limit, cursor);
            assertTrue(page.images().size() <= limit);
            out.addAll(page.images());
            cursor = page.next();
            assertTrue(++pages <= N / limit + 2, "pagination must end");
        } while (cursor.isPresent());
        return out;
    }

    static List<String> ids(List<ImageRecord> rows) {
        return rows.stream().map(ImageRecord::id).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void pages_through_1000_images_with_filters_and_sort_keys(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            project(db, "p2");
            List<ImageRecord> all = fill(db, "p1");
            fill(db, "p2");
            ImageQueries q = new ImageQueries(db);
            Comparator<ImageRecord> byTime = Comparator.comparing(ImageRecord::createdAt).thenComparing(ImageRecord::id);
            check(q, all, ImageFilter.all(), ImageSort.oldestFirst(), r -> true, byTime);
            check(q, all, ImageFilter.all(), ImageSort.oldestFirst().reversed(), r -> true, byTime.reversed());
            check(q, all, ImageFilter.all().withSplit("train"), ImageSort.oldestFirst(), r -> r.split().equals("train"), byTime);
            check(q, all, ImageFilter.all().withMetadata("camera", "b"), ImageSort.by(ImageSort.Key.WIDTH),
                    r -> r.metadata().get("camera").equals("b"), Comparator.comparingInt(ImageRecord::width).thenComparing(ImageRecord::id));
            check(q, all, ImageFilter.all().withAnnotations(true).withSplit("train"), ImageSort.by(ImageSort.Key.HEIGHT).reversed(),
                    r -> Integer.parseInt(r.metadata().get("index")) % 3 == 1 && r.split().equals("train"),
                    Comparator.comparingInt(ImageRecord::height).thenComparing(ImageRecord::id).reversed());
            check(q, all, ImageFilter.all().withAnnotations(false), ImageSort.oldestFirst(),
                    r -> Integer.parseInt(r.metadata().get("index")) % 3 != 1, byTime);
            check(q, all, ImageFilter.all().withNearDuplicate(true), ImageSort.oldestFirst(),
                    r -> r.id().equals(all.get(1).id()) || r.id().equals(all.get(N / 2 + 1).id()), byTime);
            // another part's condition (here: one import) plugs into the same builder
            ImageCondition firstImport = params -> "i.import_id = " + params.bind("p1-imp0");
            check(q, all, ImageFilter.all().and(firstImport).withMetadata("camera", "a"), ImageSort.oldestFirst(),
                    r -> r.importId().equals(Optional.of("p1-imp0")) && r.metadata().get("camera").equals("a"), byTime);
            // text order is the database's collation: pages must agree with one unpaged query
            List<ImageRecord> byName = pages(q, "p1", ImageFilter.all(), ImageSort.by(ImageSort.Key.FILE_NAME), 41);
            assertEquals(ids(q.list("p1", ImageFilter.all(), ImageSort.by(ImageSort.Key.FILE_NAME), N, Optional.empty()).images()), ids(byName));
            assertEquals(N, byName.stream().map(ImageRecord::id).distinct().count());
            assertEquals(N, q.count("p1", ImageFilter.all()));
        }
    }

    static void check(ImageQueries q, List<ImageRecord> all, ImageFilter filter, ImageSort sort, Predicate<ImageRecord> expected,
                      Comparator<ImageRecord> order) {
        List<ImageRecord> want = all.stream().filter(expected).sorted(order).toList();
        assertTrue(!want.isEmpty());
        assertEquals(ids(want), ids(pages(q, "p1", filter, sort, 37)));
        assertEquals(want, pages(q, "p1", filter, sort, 1000));
        assertEquals(want.size(), q.count("p1", filter));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_cursor_from_another_sort_or_garbage_is_refused(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            project(db, "p1");
            fill(db, "p1");
            ImageQueries q = new ImageQueries(db);
            String cursor = q.list("p1", ImageFilter.all(), ImageSort.oldestFirst(), 10, Optional.empty()).next().orElseThrow();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> q.list("p1", ImageFilter.all(), ImageSort.by(ImageSort.Key.FILE_NAME), 10, Optional.of(cursor)));
            assertEquals("cursor", e.errors().get(0).field());
            assertThrows(ValidationException.class, () -> q.list("p1", ImageFilter.all(), ImageSort.oldestFirst(), 10, Optional.of("%%%")));
            assertThrows(ValidationException.class, () -> q.list("p1", ImageFilter.all(), ImageSort.oldestFirst(), 0, Optional.empty()));
        }
    }
}
