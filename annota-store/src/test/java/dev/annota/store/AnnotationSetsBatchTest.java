package dev.annota.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotationSetsBatchTest {
    static List<Dialect> dialects() {
        return AnnotationSetsTest.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void reads_the_current_sets_of_many_images_in_one_call(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AnnotationSets sets = new AnnotationSets(db);
            String first = AnnotationSetsTest.image(db);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, "
                    + "orientation, phash, source_path, split, metadata_json, created_at) VALUES ('i2', 'p1', 'def', 'b.png', 100, 80, "
                    + "'png', 1, 0, NULL, 'default', '{}', 0)"));
            sets.save(first, 0, AnnotationSetsTest.boxes(2, 0), Optional.of("ana"), "human");
            sets.save(first, 1, AnnotationSetsTest.boxes(3, 5), Optional.of("ana"), "human");

            Map<String, ?> got = sets.annotationsOf(List.of(first, "i2", "missing"));
            assertEquals(AnnotationSetsTest.boxes(3, 5), got.get(first));
            assertEquals(List.of(), got.get("i2"));
            assertEquals(List.of(), got.get("missing"));
            assertEquals(Map.of(), sets.annotationsOf(List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void refuses_more_ids_than_one_batch_holds(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            List<String> ids = Collections.nCopies(AnnotationSets.MAX_BATCH + 1, "x");
            assertThrows(IllegalArgumentException.class, () -> new AnnotationSets(db).annotationsOf(ids));
        }
    }
}
