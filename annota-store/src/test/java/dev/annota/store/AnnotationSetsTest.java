package dev.annota.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotationSetsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static List<Annotation> boxes(int n, double x) {
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(BoxAnnotation.of(LabelId.of(1), new PixelBox(x + i, 2, 3, 4)));
        }
        return out;
    }

    static String image(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                    + "VALUES ('p1', 'P', 'p', '', '{}', 0, 0)");
            h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                    + "source_path, split, metadata_json, created_at) VALUES ('i1', 'p1', 'abc', 'a.png', 100, 80, 'png', 1, 0, "
                    + "NULL, 'default', '{}', 0)");
        });
        return "i1";
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void saves_versions_keeps_history_and_restores(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = image(db);
            assertEquals(0, sets.get(img).version());
            assertEquals(1, sets.save(img, 0, boxes(2, 0), Optional.of("ana"), "human"));
            assertEquals(2, sets.save(img, 1, boxes(3, 10), Optional.of("ben"), "human"));
            assertEquals(boxes(3, 10), sets.get(img).annotations());
            assertEquals(Optional.of("ben"), sets.get(img).updatedBy());
            assertEquals(List.of(2L, 1L), sets.history(img).stream().map(AnnotationSets.Version::version).toList());
            assertEquals(3, sets.restore(img, 1, 2, Optional.of("ana")));
            assertEquals(boxes(2, 0), sets.get(img).annotations());
            assertEquals("restore of version 1", sets.get(img).source());
            assertEquals(3, sets.history(img).size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_write_gets_a_conflict_with_the_current_state_and_changes_nothing(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = image(db);
            sets.save(img, 0, boxes(1, 0), Optional.of("ana"), "human");
            sets.save(img, 1, boxes(2, 5), Optional.of("ben"), "human");
            VersionConflict c = assertThrows(VersionConflict.class,
                    () -> sets.save(img, 1, boxes(9, 50), Optional.of("ana"), "human"));
            assertEquals(2, c.current().version());
            assertEquals(boxes(2, 5), c.current().annotations());
            assertEquals(boxes(2, 5), sets.get(img).annotations());
            assertEquals(2, sets.history(img).size());
            VersionConflict first = assertThrows(VersionConflict.class,
                    () -> sets.save(img, 0, boxes(1, 0), Optional.empty(), "human"));
            assertEquals(2, first.current().version());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void concurrent_writers_never_lose_an_acknowledged_save(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String img = image(db);
            int writers = 6, savesEach = 10;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger conflicts = new AtomicInteger();
            List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < savesEach; k++) {
                        while (true) {
                            long v = sets.get(img).version();
                            try {
                                acknowledged.add(sets.save(img, v, boxes(1, writer * 100 + k), Optional.of("w" + writer), "human"));
                                break;
                            } catch (VersionConflict e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            int total = writers * savesEach;
            assertEquals(total, sets.get(img).version(), "every save made exactly one version");
            assertEquals(total, acknowledged.stream().distinct().count(), "no two saves got the same version");
            assertEquals(total, sets.history(img).size(), "every acknowledged save is in the history");
            assertTrue(conflicts.get() >= 0);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void saving_for_a_missing_image_is_a_clear_error(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotaException e = assertThrows(AnnotaException.class,
                    () -> new AnnotationSets(db).save("nope", 0, boxes(1, 0), Optional.empty(), "human"));
            assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("no such image"), e.getMessage());
        }
    }
}
