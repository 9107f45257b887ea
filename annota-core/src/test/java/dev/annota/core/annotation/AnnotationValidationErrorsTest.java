package dev.annota.core.annotation;

import static dev.annota.core.annotation.Fixtures.CAR;
import static dev.annota.core.annotation.Fixtures.CAT;
import static dev.annota.core.annotation.Fixtures.PERSON;
import static dev.annota.core.annotation.Fixtures.SCHEMA;
import static dev.annota.core.annotation.Fixtures.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule: each invalid annotation yields exactly one error naming the field, the value and what was expected. */
class AnnotationValidationErrorsTest {
    private static final ImageSize IMAGE = new ImageSize(640, 480);
    private static final PixelBox BOX = new PixelBox(10, 10, 100, 50);

    private static AnnotationInfo car(Map<String, AttributeValue> attributes) {
        return AnnotationInfo.of(CAR).withAttributes(attributes);
    }

    private static AnnotationInfo redCar() {
        return car(Map.of("color", AttributeValue.of("red")));
    }

    private static Supplier<List<FieldError>> schemaErrors(Annotation a) {
        return () -> SchemaValidator.errors(SCHEMA, a);
    }

    private static Supplier<List<FieldError>> boundsErrors(BoundsPolicy policy, Supplier<Annotation> a) {
        return () -> errorsOf(() -> policy.apply(a.get(), IMAGE));
    }

    private static Supplier<List<FieldError>> constructionErrors(Runnable construct) {
        return () -> errorsOf(construct);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("unknown label", schemaErrors(BoxAnnotation.of(LabelId.of(99), BOX)),
                        "label", "99", "expected the id of a class in the schema, one of [1, 2, 3]"),
                Arguments.of("kind not allowed for the class", schemaErrors(new Tag(redCar())),
                        "kind", "tag", "expected a kind that class \"car\" (id 1) allows, one of [box, polygon, mask]"),
                Arguments.of("unknown attribute", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("weight", AttributeValue.of(1200)), BOX)),
                        "attributes.weight", "1200", "expected an attribute of class \"car\" (id 1), one of [color, doors, parked, note]"),
                Arguments.of("attribute on a class without attributes", schemaErrors(new Tag(
                                AnnotationInfo.of(CAT).withAttribute("fluffy", AttributeValue.of(true)))),
                        "attributes.fluffy", "true", "expected an attribute of class \"cat\" (id 3), which has none"),
                Arguments.of("required attribute missing", schemaErrors(BoxAnnotation.of(CAR, BOX)),
                        "attributes.color", null, "expected a value for the required select attribute"),
                Arguments.of("select value not in options", schemaErrors(new BoxAnnotation(
                                car(Map.of("color", AttributeValue.of("green"))), BOX)),
                        "attributes.color", "green", "expected one of [red, blue]"),
                Arguments.of("number out of range", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("doors", AttributeValue.of(7)), BOX)),
                        "attributes.doors", "7", "expected a whole number in [2, 5]"),
                Arguments.of("whole number with a fraction", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("doors", AttributeValue.of(2.5)), BOX)),
                        "attributes.doors", "2.5", "expected a whole number in [2, 5]"),
                Arguments.of("wrong value type", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("parked", AttributeValue.of("yes")), BOX)),
                        "attributes.parked", "yes", "expected true or false"),
                Arguments.of("text too long", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("note", AttributeValue.of("far too long")), BOX)),
                        "attributes.note", "far too long", "expected a text of at most 10 characters"),
                Arguments.of("attribute set twice", schemaErrors(new BoxAnnotation(
                                redCar().withAttribute("Color", AttributeValue.of("blue")), BOX)),
                        "attributes.color", "red", "expected each attribute once (also set as \"Color\")"),
                Arguments.of("keypoint count differs from the skeleton", schemaErrors(KeypointsAnnotation.of(PERSON,
                                new Keypoints(List.of(Keypoint.visible(1, 1), Keypoint.absent())))),
                        "keypoints", "2 points", "expected 3 keypoints, as in the skeleton of class \"person\" (id 2)"
                                + " [head, left hand, right hand]"),
                Arguments.of("confidence above 1", constructionErrors(() -> redCar().withConfidence(1.5)),
                        "confidence", "1.5", "expected a confidence in [0, 1]"),
                Arguments.of("confidence below 0", constructionErrors(() -> redCar().withConfidence(-0.1)),
                        "confidence", "-0.1", "expected a confidence in [0, 1]"),
                Arguments.of("confidence not a number", constructionErrors(() -> redCar().withConfidence(Double.NaN)),
                        "confidence", "NaN", "expected a confidence in [0, 1]"),
                Arguments.of("polygon of two points", constructionErrors(() -> Polygon.of(List.of(new Point(0, 0), new Point(1, 1)))),
                        "parts[0]", "2 points", "expected a polygon part with at least 3 points"),
                Arguments.of("mask size differs from the image", boundsErrors(BoundsPolicy.CLIP,
                                () -> new MaskAnnotation(redCar(), Rle.empty(480, 600))),
                        "mask.size", "[480, 600]", "expected the image size [480, 640] (height, width)"),
                Arguments.of("box outside the image under REJECT", boundsErrors(BoundsPolicy.REJECT,
                                () -> new BoxAnnotation(redCar(), new PixelBox(600, 10, 100, 50))),
                        "box", "[600, 10, 100, 50]", "expected a box inside the 640x480 image (it extends past the right edge)"),
                Arguments.of("box past two edges under REJECT", boundsErrors(BoundsPolicy.REJECT,
                                () -> new BoxAnnotation(redCar(), new PixelBox(-5, 400, 100, 100))),
                        "box", "[-5, 400, 100, 100]", "expected a box inside the 640x480 image (it extends past the left and bottom edges)"),
                Arguments.of("box left empty by clipping under CLIP", boundsErrors(BoundsPolicy.CLIP,
                                () -> new BoxAnnotation(redCar(), new PixelBox(700, 10, 100, 50))),
                        "box", "[700, 10, 100, 50]", "expected a box overlapping the 640x480 image (nothing is left after clipping)"),
                Arguments.of("polygon point outside under REJECT", boundsErrors(BoundsPolicy.REJECT,
                                () -> new PolygonAnnotation(redCar(), Polygon.of(List.of(new Point(0, 0), new Point(650, 0), new Point(0, 10))))),
                        "polygon.parts[0][1]", "(650, 0)", "expected a point inside the 640x480 image"),
                Arguments.of("keypoint outside under REJECT", boundsErrors(BoundsPolicy.REJECT,
                                () -> KeypointsAnnotation.of(PERSON, new Keypoints(List.of(Keypoint.visible(1, 1),
                                        Keypoint.occluded(1, 481), Keypoint.absent())))),
                        "keypoints[1]", "(1, 481)", "expected a point inside the 640x480 image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reports_one_field_error_per_broken_rule(String rule, Supplier<List<FieldError>> check, String field, String value,
            String expected) {
        List<FieldError> errors = check.get();
        assertEquals(List.of(new FieldError("", field, value, expected)), errors);
    }

    @Test
    void a_valid_annotation_has_no_errors() {
        BoxAnnotation box = new BoxAnnotation(redCar().withAttribute("doors", AttributeValue.of(4))
                .withAttribute("PARKED", AttributeValue.of(true)).withConfidence(0.9), BOX);
        assertEquals(List.of(), SchemaValidator.errors(SCHEMA, box));
        assertEquals(List.of(), SchemaValidator.errors(SCHEMA, KeypointsAnnotation.of(PERSON,
                new Keypoints(List.of(Keypoint.visible(1, 1), Keypoint.absent(), Keypoint.occluded(3, 3))))));
    }

    @Test
    void collects_every_error_of_an_annotation_not_only_the_first() {
        PolylineAnnotation line = new PolylineAnnotation(car(Map.of("doors", AttributeValue.of(9),
                "wheels", AttributeValue.of(4))), new Polyline(List.of(new Point(0, 0), new Point(1, 1))));
        List<String> fields = SchemaValidator.errors(SCHEMA, line).stream().map(FieldError::field).toList();
        assertEquals(List.of("kind", "attributes.doors", "attributes.wheels", "attributes.color"), fields);
    }

    @Test
    void locates_errors_of_a_list_at_their_index() {
        List<FieldError> errors = SchemaValidator.errors(SCHEMA,
                List.of(new BoxAnnotation(redCar(), BOX), BoxAnnotation.of(LabelId.of(42), BOX)));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("annotations[1]: field 'label'"), errors.get(0).message());
    }

    @Test
    void validate_throws_with_every_error() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SchemaValidator.validate(SCHEMA, new BoxAnnotation(car(Map.of("doors", AttributeValue.of(1))), BOX)));
        assertEquals(2, e.errors().size());
        assertTrue(e.getMessage().endsWith("(and 1 more)"), e.getMessage());
    }

    @Test
    void confidence_may_be_absent_or_at_the_ends_of_the_range() {
        assertEquals(OptionalDouble.empty(), redCar().confidence());
        assertEquals(OptionalDouble.of(0), redCar().withConfidence(0).confidence());
        assertEquals(OptionalDouble.of(1), redCar().withConfidence(1).confidence());
    }
}
