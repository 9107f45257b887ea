package dev.annota.store.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.VersionConflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuggestionsTest {
    static final Source.Model YOLO = new Source.Model("yolo", "1");

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** A project p1 with images i1 and i2. */
    static void images(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                    + "VALUES ('p1', 'P', 'p', '', '{}', 0, 0)");
            for (String id : List.of("i1", "i2")) {
                h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                        + "source_path, split, metadata_json, created_at) VALUES (?, 'p1', ?, 'a.png', 100, 80, 'png', 1, 0, "
                        + "NULL, 'default', '{}', 0)", id, "sha-" + id);
            }
        });
    }

    static Annotation box(int label, double x, double confidence) {
        return new BoxAnnotation(AnnotationInfo.predicted(LabelId.of(label), YOLO, confidence), new PixelBox(x, 2, 3, 4));
    }

    static double score(Database db, String image) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT score_value FROM image_scores WHERE image_id = :i AND score_name = 'uncertainty'")
                .bind("i", image).mapTo(Double.class).findOne().orElse(-1.0));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_new_upload_replaces_that_models_suggestions_and_keeps_other_models(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db);
            Suggestions s = new Suggestions(db);
            s.put("i1", "yolo", "1", List.of(box(1, 0, 0.9), box(2, 10, 0.3)));
            s.put("i1", "other", "7", List.of(box(1, 20, 0.95)));
            List<Suggestion> replaced = s.put("i1", "yolo", "2", List.of(box(1, 5, 0.6)));
            assertEquals(1, replaced.size());
            assertEquals(new Source.Model("yolo", "2"), replaced.get(0).annotation().info().source());
            assertEquals(List.of("other", "yolo"), s.list("i1", 0).stream().map(x -> x.model().name()).toList());
            assertEquals(List.of(0.95), s.list("i1", 0.7).stream().map(Suggestion::confidence).toList());
            assertEquals(0.8, score(db, "i1"), 1e-9); // 1 - |2 * 0.6 - 1|
            s.put("i1", "yolo", "3", List.of());
            s.put("i1", "other", "8", List.of());
            assertEquals(List.of(), s.list("i1", 0));
            assertEquals(-1.0, score(db, "i1"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_batch_is_stored_whole_or_not_at_all(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db);
            Suggestions s = new Suggestions(db);
            s.putAll(List.of(ModelPredictions.of("i1", "yolo", "1", List.of(box(1, 0, 0.5))),
                    ModelPredictions.of("i2", "yolo", "1", List.of(box(1, 0, 0.1), box(2, 1, 0.2)))));
            assertEquals(1, s.list("i1", 0).size());
            assertEquals(2, s.list("i2", 0).size());
            assertThrows(NotFoundException.class, () -> s.putAll(List.of(ModelPredictions.of("i1", "yolo", "2", List.of()),
                    ModelPredictions.of("no-such-image", "yolo", "2", List.of(box(1, 0, 0.5))))));
            assertEquals(1, s.list("i1", 0).size(), "the first entry of the failed batch was rolled back");
        }
    }

    @Test
    void a_suggestion_without_confidence_is_refused_with_its_location() {
        Annotation human = BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 2, 3, 4));
        ValidationException e = assertThrows(ValidationException.class,
                () -> ModelPredictions.of("i1", "yolo", "1", List.of(box(1, 0, 0.5), human)));
        assertEquals("/annotations/1/confidence", e.errors().get(0).location());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void accepting_appends_human_annotations_keeps_the_confidence_and_removes_the_suggestion(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db);
            Suggestions s = new Suggestions(db);
            AnnotationSets sets = new AnnotationSets(db);
            sets.save("i1", 0, List.of(BoxAnnotation.of(LabelId.of(2), new PixelBox(50, 50, 5, 5))), Optional.of("u0"), "api");
            List<Suggestion> all = s.put("i1", "yolo", "1", List.of(box(1, 0, 0.9), box(2, 10, 0.3)));
            Annotation edited = BoxAnnotation.of(LabelId.of(1), new PixelBox(11, 2, 3, 4));
            Suggestions.Accepted a = s.accept("i1", all, Map.of(all.get(1).id(), edited), 1, "u1", "ana");
            assertEquals(2, a.version());
            List<Annotation> now = sets.get("i1").annotations();
            assertEquals(3, now.size());
            assertEquals(Source.human("ana"), now.get(1).info().source());
            assertEquals(0.9, now.get(1).info().confidence().getAsDouble());
            assertTrue(now.get(2).info().confidence().isEmpty(), "an edited suggestion no longer carries the model's score");
            assertEquals(new PixelBox(11, 2, 3, 4), now.get(2).boundingBox().orElseThrow());
            assertEquals("suggestions of yolo 1", sets.history("i1").get(0).source());
            assertEquals(List.of(), s.list("i1", 0));
            assertEquals(-1.0, score(db, "i1"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void accepting_on_a_stale_version_changes_nothing(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db);
            Suggestions s = new Suggestions(db);
            List<Suggestion> all = s.put("i1", "yolo", "1", List.of(box(1, 0, 0.9)));
            new AnnotationSets(db).save("i1", 0, List.of(), Optional.of("u0"), "api");
            VersionConflict c = assertThrows(VersionConflict.class, () -> s.accept("i1", all, Map.of(), 0, "u1", "ana"));
            assertEquals(1, c.current().version());
            assertEquals(1, s.list("i1", 0).size(), "the suggestion is still there");
            assertEquals(1, new AnnotationSets(db).get("i1").version());
            s.accept("i1", all, Map.of(), 1, "u1", "ana");
            assertThrows(dev.annota.core.error.ConflictException.class, () -> s.accept("i1", all, Map.of(), 2, "u1", "ana"),
                    "a suggestion accepted already cannot be accepted twice");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rejecting_removes_only_the_named_suggestions_and_updates_the_uncertainty(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            images(db);
            Suggestions s = new Suggestions(db);
            List<Suggestion> all = s.put("i1", "yolo", "1", List.of(box(1, 0, 0.5), box(1, 5, 0.9)));
            assertEquals(1.0, score(db, "i1"), 1e-9);
            assertEquals(1, s.reject("i1", List.of(all.get(0).id())));
            assertEquals(0.2, score(db, "i1"), 1e-9);
            assertEquals(0, s.reject("i2", List.of(all.get(1).id())), "an id of another image is not rejected");
            assertEquals(1, s.list("i1", 0).size());
        }
    }
}
