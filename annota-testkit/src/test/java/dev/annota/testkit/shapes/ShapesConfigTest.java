package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.ValidationException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShapesConfigTest {
    private static final ShapesConfig BASE = ShapesConfig.defaults(64, 48);

    static Stream<Arguments> bad_configs() {
        return Stream.of(
                Arguments.of("width", (Supplier<ShapesConfig>) () -> BASE.withSize(0, 48)),
                Arguments.of("minObjects", (Supplier<ShapesConfig>) () -> BASE.withObjects(-1, 3)),
                Arguments.of("maxObjects", (Supplier<ShapesConfig>) () -> BASE.withObjects(4, 3)),
                Arguments.of("classes", (Supplier<ShapesConfig>) () -> BASE.withClasses()),
                Arguments.of("classes", (Supplier<ShapesConfig>) () -> BASE.withClasses(ShapeClass.STAR, ShapeClass.STAR)),
                Arguments.of("colours", (Supplier<ShapesConfig>) () -> BASE.withColours()),
                Arguments.of("backgrounds", (Supplier<ShapesConfig>) () -> BASE.withBackgrounds()),
                Arguments.of("size", (Supplier<ShapesConfig>) () -> BASE.withObjectSize(0.5, 0.2)),
                Arguments.of("size", (Supplier<ShapesConfig>) () -> BASE.withObjectSize(0, 0.2)),
                Arguments.of("minVisiblePixels", (Supplier<ShapesConfig>) () -> BASE.withMinVisiblePixels(0)));
    }

    @ParameterizedTest(name = "rejects a bad {0}")
    @MethodSource("bad_configs")
    void rejects_a_config_with_a_bad_field(String field, Supplier<ShapesConfig> config) {
        ValidationException e = assertThrows(ValidationException.class, config::get);
        assertEquals(field, e.errors().get(0).field());
    }

    @org.junit.jupiter.api.Test
    void a_config_limited_to_one_class_and_colour_draws_only_those() {
        ShapesConfig only = BASE.withClasses(ShapeClass.STAR).withColours(ShapeColour.CYAN).withObjects(3, 3);
        ShapeScene scene = new ShapesGenerator(only).generate(5);
        scene.objects().forEach(o -> {
            assertEquals("star", o.className());
            assertEquals("cyan", o.colourName());
        });
    }
}
