package dev.annota.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelClassTest {
    private static final LabelId ID = LabelId.of(1);

    @ParameterizedTest(name = "rejects colour \"{0}\"")
    @ValueSource(strings = {"red", "#FFF", "#GGGGGG", "FF0000", "#FF00001", ""})
    void rejects_colours_that_are_not_hash_rrggbb(String colour) {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelClass.of(ID, "car").withColour(colour));
        assertEquals(List.of(FieldError.of("colour", colour, "expected a colour as #RRGGBB")), e.errors());
    }

    @Test
    void reports_every_problem_of_a_class_at_once() {
        ValidationException e = assertThrows(ValidationException.class, () -> new LabelClass(ID, " ", "blue", Set.of(),
                List.of(TextAttribute.of("note"), CheckboxAttribute.of(" NOTE")), Optional.empty()));
        assertEquals(List.of("name", "colour", "kinds", "attributes[1].name"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void refuses_a_skeleton_on_a_class_without_keypoints() {
        LabelClass boxes = LabelClass.of(ID, "car").withKinds(Set.of(AnnotationKind.BOX));
        Skeleton skeleton = Skeleton.of(List.of("a", "b"), new int[] {0, 1});
        ValidationException e = assertThrows(ValidationException.class, () -> boxes.withSkeleton(skeleton));
        assertEquals("skeleton", e.errors().get(0).field());
    }

    @Test
    void records_with_the_same_fields_are_equal() {
        LabelClass a = LabelClass.of(ID, "car").withColour("#aabbcc");
        LabelClass b = LabelClass.of(ID, "car").withColour("#AABBCC");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withName("bus"));
        assertEquals(LabelId.of(7), LabelId.of(7));
        assertEquals(LabelId.of(7).hashCode(), LabelId.of(7).hashCode());
    }

    @Test
    void rejects_ids_below_one() {
        assertThrows(ValidationException.class, () -> LabelId.of(0));
        assertThrows(ValidationException.class, () -> LabelId.of(-3));
    }
}
