package dev.annota.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.CuboidAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
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
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationJsonTest {
    static final LabelId L = LabelId.of(7);

    @Test
    void every_kind_and_every_common_field_round_trips_exactly() {
        AnnotationInfo rich = AnnotationInfo.of(L)
                .withAttribute("colour", AttributeValue.of("red"))
                .withAttribute("size", AttributeValue.of(3.25))
                .withAttribute("truncated", AttributeValue.of(true))
                .withAttribute("tags", AttributeValue.ofChoices(List.of("b", "a")))
                .withSource(Source.model("yolox", "2024.1")).withConfidence(0.875)
                .withOccluded(true).withZOrder(-2).withGroup(5);
        List<Annotation> all = List.of(
                new Tag(AnnotationInfo.of(L).withSource(Source.human("ana"))),
                new BoxAnnotation(rich, new PixelBox(1.5, 2.25, 3, 4)),
                RotatedBoxAnnotation.of(L, new RotatedBox(10, 20, 30, 40, 12.5)),
                PolygonAnnotation.of(L, Polygon.fromFlat(List.of(new double[] {0, 0, 10, 0, 5, 8.125}, new double[] {20, 20, 30, 20, 25, 30}))),
                PolylineAnnotation.of(L, new Polyline(List.of(new Point(0, 0), new Point(3.5, 4)))),
                PointsAnnotation.of(L, List.of(new Point(1, 1), new Point(2, 3))),
                KeypointsAnnotation.of(L, new Keypoints(List.of(Keypoint.visible(1, 2), Keypoint.occluded(3, 4), Keypoint.absent()))),
                MaskAnnotation.of(L, Rle.of(4, 5, new int[] {3, 4, 6, 7})),
                CuboidAnnotation.of(L, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 10), new Point(10, 0), new Point(10, 10)),
                        List.of(new Point(4, 4), new Point(4, 14), new Point(14, 4), new Point(14, 14)))),
                EllipseAnnotation.of(L, new Ellipse(50, 60, 20, 10, -30)));
        String json = AnnotationJson.write(all);
        assertEquals(all, AnnotationJson.read(json));
        assertEquals(json, AnnotationJson.write(AnnotationJson.read(json)), "writing is deterministic");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown kind          | [{\"kind\":\"blob\",\"label\":1}]                                 | /0 | kind       | blob",
        "label zero            | [{\"kind\":\"tag\",\"label\":0}]                                  | /0 | label      | 0",
        "label as text         | [{\"kind\":\"tag\",\"label\":\"cat\"}]                            | /0 | label      | cat",
        "box of three          | [{\"kind\":\"box\",\"label\":1,\"box\":[1,2,3]}]                  | /0 | box        | [1,2,3]",
        "negative width        | [{\"kind\":\"box\",\"label\":1,\"box\":[1,2,-3,4]}]               | /0 | width      | -3.0",
        "polygon of two points | [{\"kind\":\"polygon\",\"label\":1,\"polygon\":[[0,0,1,1]]}]       | /0 | parts[0]   | 2 points",
        "odd point list        | [{\"kind\":\"points\",\"label\":1,\"points\":[1,2,3]}]            | /0 | points     | [1,2,3]",
        "keypoint visibility 7 | [{\"kind\":\"keypoints\",\"label\":1,\"keypoints\":[1,2,7]}]      | /0 | visibility | 7",
        "bad rle               | [{\"kind\":\"mask\",\"label\":1,\"mask\":{\"size\":[2,2],\"counts\":\"~~\"}}] | /0 | counts | ~",
        "confidence above one  | [{\"kind\":\"tag\",\"label\":1,\"confidence\":1.5}]               | /0 | confidence | 1.5",
        "source type robot     | [{\"kind\":\"tag\",\"label\":1,\"source\":{\"type\":\"robot\"}}]  | /0/source | type | robot",
        "attribute object      | [{\"kind\":\"tag\",\"label\":1,\"attributes\":{\"a\":{}}}]        | /0/attributes | a | {}",
        "second element bad    | [{\"kind\":\"tag\",\"label\":1},{\"kind\":\"box\",\"label\":1}]   | /1 | box        | nothing",
    })
    void names_the_pointer_field_and_value(String rule, String json, String pointer, String field, String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> AnnotationJson.read(json));
        String m = e.getMessage();
        assertTrue(m.startsWith(pointer + ": field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : value), m);
    }
}
