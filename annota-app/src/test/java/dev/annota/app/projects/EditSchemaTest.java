package dev.annota.app.projects;

import static dev.annota.app.projects.ProjectFixture.ANNOTATOR;
import static dev.annota.app.projects.ProjectFixture.CAR;
import static dev.annota.app.projects.ProjectFixture.MANAGER;
import static dev.annota.app.projects.ProjectFixture.PERSON;
import static dev.annota.app.projects.ProjectFixture.TRUCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.json.LabelSchemaJson.ClassDraft;
import dev.annota.store.projects.SchemaVersionConflict;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EditSchemaTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static final List<String> IMAGES = List.of("img-a", "img-b", "img-c", "img-d");

    /** Every image's version and history length, to show that nothing was rewritten. */
    static Map<String, List<Long>> state(ProjectFixture f) {
        return IMAGES.stream().collect(java.util.stream.Collectors.toMap(i -> i,
                i -> List.of(f.sets.get(i).version(), (long) f.sets.history(i).size())));
    }

    static List<LabelId> labels(ProjectFixture f, String image) {
        return f.sets.get(image).annotations().stream().map(Annotation::label).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void renaming_a_class_keeps_its_id_so_the_stored_annotations_are_untouched_and_show_the_new_name(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            Map<String, List<Long>> before = state(f);
            List<Annotation> annotationsBefore = f.sets.get("img-a").annotations();
            SchemaEdit edit = f.editSchema.renameClass(MANAGER, f.project.id(), 0, CAR, "Automobile");
            assertEquals(1, edit.project().schemaVersion());
            assertEquals(0, edit.annotationsChanged());
            assertEquals(before, state(f), "no annotation set got a new version");
            assertEquals(annotationsBefore, f.sets.get("img-a").annotations());
            List<String> names = f.sets.get("img-a").annotations().stream()
                    .map(a -> f.current().schema().require(a.label()).name()).toList();
            assertEquals(List.of("Automobile", "Automobile", "Person"), names);
            assertEquals(f.current().schema().require(CAR).attributes(), ProjectFixture.schema().require(CAR).attributes());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_class_name_colliding_after_normalisation_is_a_conflict_naming_the_existing_class(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            ConflictException rename = assertThrows(ConflictException.class,
                    () -> f.editSchema.renameClass(MANAGER, f.project.id(), 0, CAR, "  TRUCK "));
            assertTrue(rename.getMessage().contains("existing class \"Truck\" (id 3)"), rename.getMessage());
            ConflictException add = assertThrows(ConflictException.class,
                    () -> f.editSchema.addClass(MANAGER, f.project.id(), 0, ClassDraft.named("person")));
            assertTrue(add.getMessage().contains("\"Person\" (id 2)"), add.getMessage());
            assertEquals(0, f.version(), "nothing was saved");
            assertEquals("car", f.editSchema.renameClass(MANAGER, f.project.id(), 0, CAR, "car").project().schema()
                    .require(CAR).name(), "a class may change the case of its own name");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_unused_class_is_deleted_and_its_id_is_never_handed_out_again(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            SchemaEdit added = f.editSchema.addClass(MANAGER, f.project.id(), 0,
                    new ClassDraft("Bike", Optional.of("#00ff00"), EnumSet.of(AnnotationKind.BOX), List.of(), Optional.empty()));
            LabelClass bike = added.project().schema().byName("bike").orElseThrow();
            assertEquals(LabelId.of(4), bike.id());
            assertEquals("#00FF00", bike.colour());
            Map<String, List<Long>> before = state(f);
            SchemaEdit deleted = f.editSchema.deleteClass(MANAGER, f.project.id(), 1, bike.id(), InUseChoice.refuse());
            assertEquals(0, deleted.annotationsChanged());
            assertTrue(deleted.project().schema().get(bike.id()).isEmpty());
            assertEquals(before, state(f));
            SchemaEdit next = f.editSchema.addClass(MANAGER, f.project.id(), 2, ClassDraft.named("Scooter"));
            assertEquals(LabelId.of(5), next.project().schema().byName("Scooter").orElseThrow().id());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_class_in_use_is_refused_with_how_many_annotations_on_how_many_images_use_it(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            Map<String, List<Long>> before = state(f);
            ChangeRefused e = assertThrows(ChangeRefused.class,
                    () -> f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.refuse()));
            assertEquals(3, e.annotations());
            assertEquals(2, e.images());
            assertTrue(e.getMessage().startsWith("class \"Car\" (id 1) is used by 3 annotations on 2 images; "), e.getMessage());
            assertTrue(e.getMessage().contains("delete_annotations") && e.getMessage().contains("reassign_to"), e.getMessage());
            assertEquals(0, f.version());
            assertTrue(f.current().schema().contains(CAR));
            assertEquals(before, state(f));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_class_with_its_annotations_saves_new_versions_and_the_history_keeps_them(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            SchemaEdit edit = f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.deleteAnnotations());
            assertEquals(3, edit.annotationsChanged());
            assertEquals(2, edit.imagesChanged());
            assertTrue(edit.project().schema().get(CAR).isEmpty());
            assertEquals(List.of(PERSON), labels(f, "img-a"));
            assertEquals(List.of(TRUCK), labels(f, "img-b"));
            assertEquals(1, f.sets.get("img-d").version(), "images without the class are not touched");
            AnnotationSets.Version newest = f.sets.history("img-a").get(0);
            assertEquals(2, newest.version());
            assertEquals(Optional.of("mia"), newest.author());
            assertEquals("schema edit: deleted class \"Car\" (id 1)", newest.source());
            assertEquals(3, f.sets.version("img-a", 1).orElseThrow().size(), "the earlier version still holds them");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void restoring_a_version_with_annotations_of_a_deleted_class_needs_a_choice(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.deleteAnnotations());
            ChangeRefused refused = assertThrows(ChangeRefused.class,
                    () -> f.restore.restore(ANNOTATOR, "img-a", 1, 2, InUseChoice.refuse()));
            assertTrue(refused.getMessage().contains("has 2 annotations of deleted class [1]"), refused.getMessage());
            assertEquals(2, f.sets.get("img-a").version(), "nothing was restored");
            assertThrows(ValidationException.class,
                    () -> f.restore.restore(ANNOTATOR, "img-a", 1, 2, InUseChoice.keepAnnotations()));

            assertEquals(3, f.restore.restore(ANNOTATOR, "img-a", 1, 2, InUseChoice.reassignTo(TRUCK)).version());
            List<Annotation> restored = f.sets.get("img-a").annotations();
            assertEquals(List.of(TRUCK, TRUCK, PERSON), restored.stream().map(Annotation::label).toList());
            assertTrue(restored.get(0).info().attributes().isEmpty(), "Truck has no colour attribute");
            assertTrue(f.sets.get("img-a").source().contains("relabelled to \"Truck\" (id 3)"), f.sets.get("img-a").source());

            assertEquals(4, f.restore.restore(ANNOTATOR, "img-a", 1, 3, InUseChoice.deleteAnnotations()).version());
            assertEquals(List.of(PERSON), labels(f, "img-a"));
            assertEquals(5, f.restore.restore(ANNOTATOR, "img-a", 3, 4, InUseChoice.refuse()).version(),
                    "a version whose classes all exist restores as it was");
            assertEquals(List.of(TRUCK, TRUCK, PERSON), labels(f, "img-a"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_class_and_reassigning_its_annotations_relabels_them_as_new_versions(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            ChangeRefused misfit = assertThrows(ChangeRefused.class,
                    () -> f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.reassignTo(PERSON)));
            assertEquals(1, misfit.annotations(), "the polygon does not fit Person, which allows box and keypoints");
            assertEquals(Map.of("kind", 1), misfit.problems());
            assertEquals(0, f.version());
            assertEquals(List.of(CAR, CAR, PERSON), labels(f, "img-a"), "img-a, relabelled before img-b refused, was rolled back");
            assertEquals(1, f.sets.get("img-a").version());

            SchemaEdit edit = f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.reassignTo(TRUCK));
            assertEquals(3, edit.annotationsChanged());
            assertEquals(List.of(TRUCK, TRUCK, PERSON), labels(f, "img-a"));
            assertEquals(List.of(TRUCK, TRUCK), labels(f, "img-b"));
            assertTrue(f.sets.get("img-b").source().startsWith("schema edit: deleted class \"Car\" (id 1), annotations relabelled"));
            assertEquals(List.of(CAR, TRUCK), f.sets.version("img-b", 1).orElseThrow().stream().map(Annotation::label).toList());
            assertThrows(ValidationException.class,
                    () -> f.editSchema.deleteClass(MANAGER, f.project.id(), 1, TRUCK, InUseChoice.reassignTo(TRUCK)));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void removing_a_kind_that_annotations_use_is_refused_unless_a_choice_is_given(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            ClassDraft boxesOnly = new ClassDraft("Car", Optional.empty(), EnumSet.of(AnnotationKind.BOX),
                    ProjectFixture.schema().require(CAR).attributes(), Optional.empty());
            ChangeRefused e = assertThrows(ChangeRefused.class,
                    () -> f.editSchema.updateClass(MANAGER, f.project.id(), 0, CAR, boxesOnly, InUseChoice.refuse()));
            assertEquals(1, e.annotations());
            assertEquals(1, e.images());
            assertTrue(e.getMessage().contains("would make 1 annotation on 1 image invalid (kind: 1)"), e.getMessage());

            SchemaEdit kept = f.editSchema.updateClass(MANAGER, f.project.id(), 0, CAR, boxesOnly, InUseChoice.keepAnnotations());
            assertEquals(0, kept.annotationsChanged());
            assertEquals(EnumSet.of(AnnotationKind.BOX), kept.project().schema().require(CAR).kinds());
            assertEquals(List.of(CAR, TRUCK), labels(f, "img-b"));
        }
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            ClassDraft boxesOnly = new ClassDraft("Car", Optional.empty(), EnumSet.of(AnnotationKind.BOX), List.of(), Optional.empty());
            SchemaEdit removed = f.editSchema.updateClass(MANAGER, f.project.id(), 0, CAR, boxesOnly, InUseChoice.deleteAnnotations());
            // the polygon breaks on its kind, the red box on its now unknown attribute
            assertEquals(2, removed.annotationsChanged());
            assertEquals(List.of(CAR, PERSON), labels(f, "img-a"));
            assertEquals(List.of(TRUCK), labels(f, "img-b"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void making_an_attribute_required_or_shrinking_a_skeleton_counts_the_annotations_that_would_break(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            ClassDraft required = new ClassDraft("Car", Optional.empty(), EnumSet.of(AnnotationKind.BOX, AnnotationKind.POLYGON),
                    List.of(new SelectAttribute("colour", List.of("red", "blue"), true, Optional.empty())), Optional.empty());
            ChangeRefused e = assertThrows(ChangeRefused.class,
                    () -> f.editSchema.updateClass(MANAGER, f.project.id(), 0, CAR, required, InUseChoice.refuse()));
            assertEquals(2, e.annotations());
            assertEquals(2, e.images());
            assertEquals(Map.of("attributes.colour", 2), e.problems());

            ClassDraft shorter = new ClassDraft("Person", Optional.empty(), EnumSet.of(AnnotationKind.BOX, AnnotationKind.KEYPOINTS),
                    List.of(), Optional.of(Skeleton.of(List.of("head", "neck"), new int[] {0, 1})));
            ChangeRefused s = assertThrows(ChangeRefused.class,
                    () -> f.editSchema.updateClass(MANAGER, f.project.id(), 0, PERSON, shorter, InUseChoice.refuse()));
            assertEquals(Map.of("keypoints", 1), s.problems());

            ClassDraft recoloured = new ClassDraft("Lorry", Optional.of("#123456"), EnumSet.of(AnnotationKind.BOX, AnnotationKind.POLYGON),
                    List.of(), Optional.empty());
            SchemaEdit looks = f.editSchema.updateClass(MANAGER, f.project.id(), 0, TRUCK, recoloured, InUseChoice.refuse());
            assertEquals("Lorry", looks.project().schema().require(TRUCK).name());
            assertEquals("#123456", looks.project().schema().require(TRUCK).colour());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_schema_edit_is_a_conflict_carrying_the_current_version(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            f.editSchema.addClass(MANAGER, f.project.id(), 0, ClassDraft.named("Bike"));
            SchemaVersionConflict e = assertThrows(SchemaVersionConflict.class,
                    () -> f.editSchema.deleteClass(MANAGER, f.project.id(), 0, CAR, InUseChoice.deleteAnnotations()));
            assertEquals(1, e.currentVersion());
            assertTrue(e.current().schema().byName("Bike").isPresent());
            assertEquals(3, f.sets.get("img-a").annotations().size(), "nothing was deleted");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void only_managers_and_administrators_edit_the_schema(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            assertThrows(ForbiddenException.class,
                    () -> f.editSchema.renameClass(ANNOTATOR, f.project.id(), 0, CAR, "Auto"));
            assertThrows(ForbiddenException.class,
                    () -> f.editSchema.renameClass(ProjectFixture.STRANGER, f.project.id(), 0, CAR, "Auto"));
            assertEquals(1, f.editSchema.renameClass(ProjectFixture.ADMIN, f.project.id(), 0, CAR, "Auto").project().schemaVersion());
            assertThrows(NotFoundException.class,
                    () -> f.editSchema.renameClass(MANAGER, f.project.id(), 1, LabelId.of(42), "X"));
            assertThrows(ValidationException.class,
                    () -> f.editSchema.deleteClass(MANAGER, f.project.id(), 1, CAR, InUseChoice.keepAnnotations()));
            assertThrows(ValidationException.class, () -> f.editSchema.addClass(MANAGER, f.project.id(), 1,
                    new ClassDraft("Bad", Optional.of("red"), EnumSet.of(AnnotationKind.BOX), List.of(), Optional.empty())));
        }
    }
}
