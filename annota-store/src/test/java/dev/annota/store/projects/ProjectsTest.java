package dev.annota.store.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** Inserts an image row (the images repository is another part's; the V1 table is enough here). */
    static String image(Database db, String projectId, String imageId) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, "
                        + "orientation, phash, source_path, split, metadata_json, created_at) VALUES (:id, :p, :sha, 'a.png', 100, 80, "
                        + "'png', 1, 0, NULL, 'default', '{}', 0)")
                .bind("id", imageId).bind("p", projectId).bind("sha", "sha-" + imageId).execute());
        return imageId;
    }

    static int count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void creates_reads_and_lists_projects_by_name(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            Project b = projects.create("  Street   scenes ", "# Rules\nBox every car.", LabelSchema.of("car", "person"));
            Project a = projects.create("Catalog", "", LabelSchema.empty());
            assertEquals("Street scenes", b.name());
            assertEquals(0, b.schemaVersion());
            assertEquals(b, projects.get(b.id()));
            assertEquals(LabelSchema.of("car", "person"), projects.get(b.id()).schema());
            assertEquals("# Rules\nBox every car.", projects.get(b.id()).guidelines());
            assertEquals(List.of(a.summary(), b.summary()), projects.list(ProjectVisibility.all()));
            assertEquals(List.of(b.summary()), projects.list(ProjectVisibility.only(Set.of(b.id(), "gone"))));
            assertEquals(List.of(), projects.list(ProjectVisibility.only(Set.of())));
            assertThrows(NotFoundException.class, () -> projects.get("nope"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_duplicate_name_is_a_conflict_that_names_the_existing_project(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            Project first = projects.create("T-Shirts", "", LabelSchema.empty());
            ConflictException e = assertThrows(ConflictException.class, () -> projects.create(" t-shirts ", "", LabelSchema.empty()));
            assertTrue(e.getMessage().contains("\"T-Shirts\"") && e.getMessage().contains(first.id()), e.getMessage());
            Project other = projects.create("Shoes", "", LabelSchema.empty());
            assertThrows(ConflictException.class, () -> projects.rename(other.id(), "T-SHIRTS"));
            assertEquals("t-shirts", projects.rename(first.id(), "t-shirts").name(), "a change of case is allowed");
            assertEquals(2, projects.list(ProjectVisibility.all()).size());
            ValidationException blank = assertThrows(ValidationException.class, () -> projects.create(" \t", "", LabelSchema.empty()));
            assertEquals("name", blank.errors().get(0).field());
            assertThrows(NotFoundException.class, () -> projects.rename("nope", "x"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void guidelines_up_to_one_mebibyte_are_kept_and_longer_ones_refused(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            Project p = projects.create("P", "", LabelSchema.empty());
            String full = "é".repeat(Projects.MAX_GUIDELINES_BYTES / 2);
            assertEquals(full, projects.updateGuidelines(p.id(), full).guidelines());
            ValidationException e = assertThrows(ValidationException.class, () -> projects.updateGuidelines(p.id(), full + "x"));
            assertEquals("guidelines", e.errors().get(0).field());
            assertTrue(e.getMessage().contains("1048577 bytes") && e.getMessage().contains("at most 1048576 bytes"), e.getMessage());
            assertEquals(full, projects.get(p.id()).guidelines(), "the refused text changed nothing");
            assertThrows(ValidationException.class, () -> projects.create("Q", "x".repeat(Projects.MAX_GUIDELINES_BYTES + 1), LabelSchema.empty()));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_project_deletes_its_images_annotation_sets_and_history(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            AnnotationSets sets = new AnnotationSets(db);
            Project gone = projects.create("Gone", "", LabelSchema.of("a"));
            Project kept = projects.create("Kept", "", LabelSchema.of("a"));
            String img = image(db, gone.id(), "i1");
            image(db, kept.id(), "i2");
            sets.save(img, 0, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 1, 2, 2))), Optional.of("ana"), "human");
            sets.save(img, 1, List.of(), Optional.of("ana"), "human");
            sets.save("i2", 0, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 1, 2, 2))), Optional.of("ana"), "human");
            projects.delete(gone.id());
            assertTrue(projects.find(gone.id()).isEmpty());
            assertEquals(1, count(db, "images"));
            assertEquals(1, count(db, "annotation_sets"));
            assertEquals(1, count(db, "annotation_history"));
            assertThrows(NotFoundException.class, () -> projects.delete(gone.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_schema_save_is_a_conflict_carrying_the_current_version(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            Project p = projects.create("P", "", LabelSchema.of("a"));
            Project v1 = projects.saveSchema(p.id(), 0, LabelSchema.of("a", "b"));
            assertEquals(1, v1.schemaVersion());
            SchemaVersionConflict c = assertThrows(SchemaVersionConflict.class,
                    () -> projects.saveSchema(p.id(), 0, LabelSchema.of("x")));
            assertEquals(1, c.currentVersion());
            assertEquals(LabelSchema.of("a", "b"), c.current().schema());
            assertTrue(c.getMessage().contains("current version is 1"), c.getMessage());
            assertEquals(LabelSchema.of("a", "b"), projects.get(p.id()).schema());
            assertThrows(NotFoundException.class, () -> projects.saveSchema("nope", 0, LabelSchema.empty()));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void work_in_one_transaction_is_undone_together_when_it_fails(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            AnnotationSets sets = new AnnotationSets(db);
            Project p = projects.create("P", "", LabelSchema.of("a"));
            String img = image(db, p.id(), "i1");
            assertThrows(IllegalStateException.class, () -> projects.inTransaction(() -> {
                sets.save(img, 0, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 1, 2, 2))), Optional.empty(), "human");
                projects.saveSchema(p.id(), 0, LabelSchema.of("a", "b"));
                throw new IllegalStateException("boom");
            }));
            assertEquals(0, sets.get(img).version());
            assertEquals(0, projects.get(p.id()).schemaVersion());
            projects.inTransaction(() -> projects.saveSchema(p.id(), 0, LabelSchema.of("a", "b")));
            assertEquals(1, projects.get(p.id()).schemaVersion());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_scan_visits_every_non_empty_set_of_the_project_once_across_pages(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            Projects projects = new Projects(db);
            AnnotationSets sets = new AnnotationSets(db);
            Project p = projects.create("P", "", LabelSchema.of("a"));
            Project other = projects.create("O", "", LabelSchema.of("a"));
            for (int i = 0; i < 8; i++) {
                String img = image(db, p.id(), "img-" + i);
                int n = i;
                if (i != 5) {
                    sets.save(img, 0, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(n, 1, 2, 2))), Optional.empty(), "human");
                }
            }
            sets.save(image(db, p.id(), "img-empty"), 0, List.of(), Optional.empty(), "human");
            sets.save(image(db, other.id(), "o-1"), 0, List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 1, 2, 2))), Optional.empty(), "human");
            ProjectAnnotationScan scan = new ProjectAnnotationScan(db);
            List<String> seen = new ArrayList<>();
            scan.forEach(p.id(), 3, s -> {
                seen.add(s.imageId());
                assertEquals(1, s.version());
                // rewriting what was visited must not disturb the pages still to come
                sets.save(s.imageId(), s.version(), List.of(), Optional.empty(), "rewrite");
            });
            assertEquals(List.of("img-0", "img-1", "img-2", "img-3", "img-4", "img-6", "img-7"), seen);
            assertTrue(scan.hasImage(p.id(), "img-0"));
            assertFalse(scan.hasImage(p.id(), "o-1"));
        }
    }
}
