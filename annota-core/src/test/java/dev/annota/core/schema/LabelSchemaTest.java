package dev.annota.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LabelSchemaTest {

    private static LabelSchema.Builder catalog() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("Dress");
        b.add("Shoes");
        b.add("T-shirt");
        return b;
    }

    @Test
    void refuses_a_name_that_differs_only_in_case_and_trailing_space_and_names_the_existing_class() {
        LabelSchema.Builder b = catalog();
        ValidationException e = assertThrows(ValidationException.class, () -> b.add("t-shirt "));
        assertEquals(List.of(new FieldError("", "name", "t-shirt ",
                "expected a class name not already used (collides with existing class \"T-shirt\" id 3)")), e.errors());
        assertEquals("field 'name': expected a class name not already used (collides with existing class \"T-shirt\" id 3),"
                + " got \"t-shirt \"", e.getMessage());
        assertEquals(3, b.size());
    }

    @ParameterizedTest(name = "\"{0}\" collides with \"T-shirt\"")
    @ValueSource(strings = {
        "T-SHIRT",
        "  t-shirt",
        "\uFF34\uFF0D\uFF53\uFF48\uFF49\uFF52\uFF54", // full-width letters and hyphen
        "T-shirt\u00A0",                                // trailing non-breaking space
        "\u3000T-shirt",                                // ideographic space
        "T-\uFF53hirt"                                  // one full-width letter
    })
    void refuses_names_that_are_equal_after_nfkc_case_folding_and_space_trimming(String name) {
        ValidationException e = assertThrows(ValidationException.class, () -> catalog().add(name));
        assertTrue(e.getMessage().contains("collides with existing class \"T-shirt\" id 3"), e.getMessage());
    }

    @Test
    void treats_inner_white_space_runs_as_one_space() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("traffic light");
        assertThrows(ValidationException.class, () -> b.add("Traffic \u00A0  Light"));
        assertEquals("traffic light", b.byName(" TRAFFIC\tLIGHT ").orElseThrow().name());
    }

    @Test
    void folds_sharp_s_like_its_upper_case() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("Straße");
        assertThrows(ValidationException.class, () -> b.add("STRASSE"));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"", "   ", "\u00A0", "\u3000\t"})
    void rejects_empty_and_blank_class_names(String name) {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelSchema.builder().add(name));
        assertEquals("name", e.errors().get(0).field());
        assertEquals("expected a non-blank class name", e.errors().get(0).expected());
    }

    @Test
    void hands_out_ids_in_order_of_addition_and_stores_the_trimmed_name() {
        LabelSchema schema = LabelSchema.of("cat", " dog  ", "bird");
        assertEquals(List.of(1, 2, 3), schema.classes().stream().map(c -> c.id().value()).toList());
        assertEquals("dog", schema.require(LabelId.of(2)).name());
    }

    @Test
    void rename_keeps_the_id_and_finds_the_class_by_its_new_name_only() {
        LabelSchema.Builder b = catalog();
        b.rename(LabelId.of(3), "Tee");
        LabelSchema schema = b.build();
        assertEquals(LabelId.of(3), schema.byName("tee").orElseThrow().id());
        assertTrue(schema.byName("T-shirt").isEmpty());
        assertEquals("Tee", schema.get(LabelId.of(3)).orElseThrow().name());
    }

    @Test
    void rename_may_change_only_the_case_of_the_same_class() {
        LabelSchema.Builder b = catalog();
        b.rename(LabelId.of(3), "T-Shirt");
        assertEquals("T-Shirt", b.build().require(LabelId.of(3)).name());
    }

    @Test
    void rename_to_the_name_of_another_class_is_refused() {
        LabelSchema.Builder b = catalog();
        ValidationException e = assertThrows(ValidationException.class, () -> b.rename(LabelId.of(1), "shoes"));
        assertTrue(e.getMessage().contains("collides with existing class \"Shoes\" id 2"), e.getMessage());
    }

    @Test
    void looks_classes_up_by_id_and_by_normalised_name() {
        LabelSchema schema = catalog().build();
        assertEquals("T-shirt", schema.get(LabelId.of(3)).orElseThrow().name());
        assertEquals(LabelId.of(3), schema.byName("\uFF54-SHIRT\u00A0").orElseThrow().id());
        assertTrue(schema.get(LabelId.of(9)).isEmpty());
        ValidationException e = assertThrows(ValidationException.class, () -> schema.require(LabelId.of(9)));
        assertEquals("label", e.errors().get(0).field());
    }

    @Test
    void built_schemas_are_frozen_while_the_builder_goes_on() {
        LabelSchema.Builder b = catalog();
        LabelSchema before = b.build();
        b.add("Hat");
        assertEquals(3, before.size());
        assertEquals(4, b.build().size());
    }

    @Test
    void never_reuses_the_id_of_a_removed_class() {
        LabelSchema.Builder b = catalog();
        b.remove(LabelId.of(3));
        LabelSchema schema = b.build();
        assertEquals(LabelId.of(4), schema.toBuilder().add("T-shirt"));
    }

    @Test
    void puts_classes_with_their_own_ids_and_continues_after_the_highest() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.put(LabelClass.of(LabelId.of(18), "dog"));
        assertEquals(LabelId.of(19), b.add("cat"));
        ValidationException e = assertThrows(ValidationException.class, () -> b.put(LabelClass.of(LabelId.of(18), "horse")));
        assertEquals("id", e.errors().get(0).field());
    }

    @Test
    void get_or_add_returns_the_existing_id_for_an_equivalent_name() {
        LabelSchema.Builder b = LabelSchema.builder();
        LabelId car = b.getOrAdd("Car");
        assertEquals(car, b.getOrAdd(" car"));
        assertNotEquals(car, b.getOrAdd("truck"));
    }

    @Test
    void adds_a_configured_class() {
        LabelSchema.Builder b = LabelSchema.builder();
        LabelId id = b.add("car", c -> c.withKinds(Set.of(AnnotationKind.BOX)).withColour("#00ff00")
                .withAttributes(List.of(SelectAttribute.of("color", List.of("red", "blue")))));
        LabelClass car = b.build().require(id);
        assertEquals(Set.of(AnnotationKind.BOX), car.kinds());
        assertEquals("#00FF00", car.colour());
        assertTrue(car.attribute("COLOR").isPresent());
    }

    @Test
    void lists_at_most_twenty_known_ids_when_a_label_is_unknown() {
        LabelSchema.Builder b = LabelSchema.builder();
        for (int i = 0; i < 25; i++) {
            b.add("class " + i);
        }
        String expected = b.build().unknownLabel(LabelId.of(99)).expected();
        assertTrue(expected.endsWith("19, 20, …] (25 classes)"), expected);
    }

    @Test
    void schemas_with_the_same_classes_are_equal() {
        assertEquals(LabelSchema.of("a", "b"), LabelSchema.of("a", "b"));
        assertEquals(LabelSchema.of("a", "b").hashCode(), LabelSchema.of("a", "b").hashCode());
        assertNotEquals(LabelSchema.of("a", "b"), LabelSchema.of("b", "a"));
    }
}
