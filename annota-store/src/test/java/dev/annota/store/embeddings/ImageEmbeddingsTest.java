package dev.annota.store.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stored vectors on SQLite and PostgreSQL: exact float round trip through BYTEA, replace, load packed, missing, cascade. */
class ImageEmbeddingsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static void images(Database db, String project, String... ids) {
        db.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                    + "VALUES (:p, :p, :p, '', '{}', 0, 0)").bind("p", project).execute();
            for (String id : ids) {
                h.createUpdate("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                        + "source_path, split, metadata_json, created_at) VALUES (:i, :p, :i, 'a.png', 10, 8, 'png', 1, 0, NULL, "
                        + "'default', '{}', 0)").bind("i", id).bind("p", project).execute();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void stores_vectors_bit_for_bit_and_loads_them_packed_in_id_order(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db, "p", "b", "a", "c");
            ImageEmbeddings e = new ImageEmbeddings(db);
            float[] odd = {Float.MIN_VALUE, -0.0f, 1e-38f, 3.4e38f, (float) Math.PI};
            e.putAll("p", "m", List.of(new ImageVector("b", odd), new ImageVector("a", new float[] {1, 2, 3, 4, 5})), Instant.ofEpochMilli(5));
            assertArrayEquals(odd, e.get("b", "m").orElseThrow());
            assertEquals(List.of("c"), e.missing("p", "m", 10));
            assertEquals(1, e.countMissing("p", "m"));
            VectorTable t = e.load("p", "m");
            assertEquals(List.of("a", "b"), t.imageIds());
            assertEquals(5, t.dim());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, Float.MIN_VALUE, -0.0f, 1e-38f, 3.4e38f, (float) Math.PI}, t.values());
            assertEquals(new VectorTable.Stamp(2, 5), t.stamp());
            assertEquals(List.of(new ImageEmbeddings.ModelSummary("m", 5, 2)), e.models("p"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_new_vector_replaces_the_old_one_and_changes_the_stamp(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db, "p", "a");
            ImageEmbeddings e = new ImageEmbeddings(db);
            e.putAll("p", "m", List.of(new ImageVector("a", new float[] {1, 0})), Instant.ofEpochMilli(1));
            VectorTable.Stamp before = e.stamp("p", "m");
            e.putAll("p", "m", List.of(new ImageVector("a", new float[] {0, 1})), Instant.ofEpochMilli(2));
            assertArrayEquals(new float[] {0, 1}, e.get("a", "m").orElseThrow());
            assertNotEquals(before, e.stamp("p", "m"));
            assertEquals(1, e.load("p", "m").size());
            assertTrue(e.get("a", "other").isEmpty());
            assertEquals(0, e.load("p", "other").size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void refuses_images_of_another_project_and_stores_nothing(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db, "p", "a");
            images(db, "q", "x");
            ImageEmbeddings e = new ImageEmbeddings(db);
            assertThrows(NotFoundException.class, () -> e.putAll("p", "m",
                    List.of(new ImageVector("a", new float[] {1}), new ImageVector("x", new float[] {1})), Instant.EPOCH));
            assertEquals(0, e.load("p", "m").size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_an_image_deletes_its_vectors(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db, "p", "a", "b");
            ImageEmbeddings e = new ImageEmbeddings(db);
            e.putAll("p", "m", List.of(new ImageVector("a", new float[] {1}), new ImageVector("b", new float[] {2})), Instant.EPOCH);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM images WHERE id = 'a'"));
            assertEquals(List.of("b"), e.load("p", "m").imageIds());
        }
    }
}
