package dev.annota.core.annotation;

import static dev.annota.core.annotation.Fixtures.CAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnnotationRecordsTest {
    private static final List<Point> SQUARE = List.of(new Point(0, 0), new Point(4, 0), new Point(4, 4), new Point(0, 4));

    /** One annotation of every kind, built fresh on each call. */
    private static List<Annotation> oneOfEach() {
        return List.of(
                Tag.of(CAR),
                BoxAnnotation.of(CAR, new PixelBox(1, 2, 3, 4)),
                RotatedBoxAnnotation.of(CAR, new RotatedBox(5, 5, 4, 2, 30)),
                PolygonAnnotation.of(CAR, Polygon.of(SQUARE)),
                PolylineAnnotation.of(CAR, new Polyline(SQUARE)),
                PointsAnnotation.of(CAR, SQUARE),
                KeypointsAnnotation.of(CAR, new Keypoints(List.of(Keypoint.visible(1, 1), Keypoint.absent()))),
                MaskAnnotation.of(CAR, Rle.of(2, 2, new int[] {1, 2, 1})),
                CuboidAnnotation.of(CAR, new Cuboid2D(SQUARE, SQUARE)),
                EllipseAnnotation.of(CAR, new Ellipse(5, 5, 3, 2, 0)));
    }

    @Test
    void equal_annotations_have_equal_hash_codes_for_every_kind() {
        List<Annotation> a = oneOfEach(), b = oneOfEach();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i));
            assertEquals(a.get(i).hashCode(), b.get(i).hashCode());
        }
    }

    @Test
    void there_is_one_record_per_kind() {
        Set<AnnotationKind> kinds = oneOfEach().stream().map(Annotation::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(AnnotationKind.class), kinds);
    }

    @Test
    void annotations_differing_only_in_common_fields_are_not_equal() {
        for (Annotation a : oneOfEach()) {
            assertNotEquals(a, a.withInfo(a.info().withConfidence(0.5)));
            assertNotEquals(a, a.withInfo(a.info().withLabel(LabelId.of(2))));
            assertEquals(a.kind(), a.withInfo(a.info().withOccluded(true)).kind());
        }
    }

    @Test
    void attribute_order_does_not_affect_equality() {
        Map<String, AttributeValue> ab = new LinkedHashMap<>();
        ab.put("a", AttributeValue.of(1));
        ab.put("b", AttributeValue.of("x"));
        Map<String, AttributeValue> ba = new LinkedHashMap<>();
        ba.put("b", AttributeValue.of("x"));
        ba.put("a", AttributeValue.of(1));
        AnnotationInfo x = AnnotationInfo.of(CAR).withAttributes(ab), y = AnnotationInfo.of(CAR).withAttributes(ba);
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertEquals(List.of("a", "b"), List.copyOf(y.attributes().keySet()));
    }

    @Test
    void every_annotation_exposes_its_label_and_a_bounding_box_except_tags() {
        for (Annotation a : oneOfEach()) {
            assertEquals(CAR, a.label());
            assertEquals(a instanceof Tag, a.boundingBox().isEmpty(), a.kind().toString());
        }
        assertEquals(Optional.of(new PixelBox(0, 0, 4, 4)), PointsAnnotation.of(CAR, SQUARE).boundingBox());
    }

    @Test
    void sources_are_humans_or_models() {
        assertEquals(Source.human(), new Source.Human(Optional.empty()));
        assertEquals(Source.model("yolox", "1"), new Source.Model("yolox", "1"));
        assertThrows(ValidationException.class, () -> Source.model("yolox", " "));
        AnnotationInfo predicted = AnnotationInfo.predicted(CAR, new Source.Model("yolox", "1"), 0.8);
        assertTrue(predicted.source() instanceof Source.Model);
    }

    @Test
    void rejects_empty_point_and_keypoint_lists() {
        assertThrows(ValidationException.class, () -> PointsAnnotation.of(CAR, List.of()));
        assertThrows(ValidationException.class, () -> KeypointsAnnotation.of(CAR, new Keypoints(List.of())));
    }
}
