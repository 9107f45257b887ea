package dev.annota.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeSpecTest {
    private static final List<String> COLOURS = List.of("red", "blue");

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of("blank name", (Supplier<?>) () -> TextAttribute.of("  "), "name"),
                Arguments.of("no options", (Supplier<?>) () -> SelectAttribute.of("color", List.of()), "options"),
                Arguments.of("option twice", (Supplier<?>) () -> MultiSelectAttribute.of("tags", List.of("a", "b", "a")), "options[2]"),
                Arguments.of("select default not an option",
                        (Supplier<?>) () -> new SelectAttribute("color", COLOURS, false, Optional.of("green")), "default"),
                Arguments.of("multi-select default not an option",
                        (Supplier<?>) () -> new MultiSelectAttribute("tags", COLOURS, false, List.of("red", "pink")), "default"),
                Arguments.of("number default out of range", (Supplier<?>) () -> new NumberAttribute("age",
                        OptionalDouble.of(0), OptionalDouble.of(10), false, false, OptionalDouble.of(11)), "default"),
                Arguments.of("integer default with a fraction", (Supplier<?>) () -> new NumberAttribute("count",
                        OptionalDouble.empty(), OptionalDouble.empty(), true, false, OptionalDouble.of(1.5)), "default"),
                Arguments.of("min above max", (Supplier<?>) () -> NumberAttribute.between("age", 5, 1), "max"),
                Arguments.of("text default too long",
                        (Supplier<?>) () -> new TextAttribute("note", 3, false, Optional.of("long")), "default"),
                Arguments.of("text max length zero", (Supplier<?>) () -> new TextAttribute("note", 0, false, Optional.empty()), "max_length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void rejects_an_invalid_attribute_definition_naming_the_field(String rule, Supplier<?> spec, String field) {
        ValidationException e = assertThrows(ValidationException.class, spec::get);
        assertEquals(field, e.errors().get(0).field(), e.getMessage());
    }

    @Test
    void checks_values_against_their_attribute() {
        SelectAttribute color = SelectAttribute.of("color", COLOURS);
        assertTrue(color.check(AttributeValue.of("red")).isEmpty());
        assertEquals(Optional.of("expected one of [red, blue]"), color.check(AttributeValue.of("green")));
        assertTrue(color.check(AttributeValue.of(1)).isPresent());

        NumberAttribute age = NumberAttribute.integerBetween("age", 0, 120);
        assertTrue(age.check(AttributeValue.of(30)).isEmpty());
        assertEquals(Optional.of("expected a whole number in [0, 120]"), age.check(AttributeValue.of(30.5)));
        assertTrue(age.check(AttributeValue.of(121)).isPresent());

        MultiSelectAttribute tags = MultiSelectAttribute.of("tags", COLOURS);
        assertTrue(tags.check(AttributeValue.ofChoices(List.of("blue", "red"))).isEmpty());
        assertTrue(tags.check(AttributeValue.ofChoices(List.of("pink"))).isPresent());

        assertTrue(CheckboxAttribute.of("parked").check(AttributeValue.of(true)).isEmpty());
        assertTrue(CheckboxAttribute.of("parked").check(AttributeValue.of("yes")).isPresent());
        assertTrue(new TextAttribute("note", 2, false, Optional.empty()).check(AttributeValue.of("abc")).isPresent());
    }

    @Test
    void gives_the_default_as_a_typed_value() {
        assertEquals(Optional.of(AttributeValue.of("red")),
                new SelectAttribute("color", COLOURS, true, Optional.of("red")).defaultValue());
        assertEquals(Optional.of(AttributeValue.of(false)), CheckboxAttribute.of("parked").defaultValue());
        assertTrue(TextAttribute.of("note").defaultValue().isEmpty());
    }

    @Test
    void multi_select_values_are_sets_so_order_does_not_matter() {
        assertEquals(AttributeValue.ofChoices(List.of("b", "a", "b")), AttributeValue.ofChoices(List.of("a", "b")));
    }

    @Test
    void rejects_non_finite_numbers_as_values() {
        assertThrows(ValidationException.class, () -> AttributeValue.of(Double.NaN));
    }
}
