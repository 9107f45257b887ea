package dev.annota.core.annotation;

import static dev.annota.core.annotation.Fixtures.CAR;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ClippingPropertiesTest {

    @Property
    boolean a_clipped_box_lies_inside_the_image_and_inside_the_original(
            @ForAll @DoubleRange(min = -500, max = 500) double x, @ForAll @DoubleRange(min = -500, max = 500) double y,
            @ForAll @DoubleRange(min = 0, max = 500) double w, @ForAll @DoubleRange(min = 0, max = 500) double h,
            @ForAll @IntRange(min = 1, max = 300) int width, @ForAll @IntRange(min = 1, max = 300) int height) {
        ImageSize size = new ImageSize(width, height);
        PixelBox box = new PixelBox(x, y, w, h);
        try {
            PixelBox clipped = BoundsPolicy.CLIP.apply(BoxAnnotation.of(CAR, box), size).box();
            return clipped.isInside(size) && Math.abs(box.intersectionArea(clipped) - clipped.area()) < 1e-6;
        } catch (ValidationException e) {
            return box.intersectionArea(size.box()) == 0;
        }
    }

    @Property
    boolean a_clipped_triangle_lies_inside_the_image_and_is_no_larger_than_before(
            @ForAll @DoubleRange(min = -200, max = 300) double ax, @ForAll @DoubleRange(min = -200, max = 300) double ay,
            @ForAll @DoubleRange(min = -200, max = 300) double bx, @ForAll @DoubleRange(min = -200, max = 300) double by,
            @ForAll @DoubleRange(min = -200, max = 300) double cx, @ForAll @DoubleRange(min = -200, max = 300) double cy) {
        ImageSize size = new ImageSize(100, 80);
        Polygon triangle = Polygon.of(List.of(new Point(ax, ay), new Point(bx, by), new Point(cx, cy)));
        try {
            Polygon clipped = BoundsPolicy.CLIP.apply(PolygonAnnotation.of(CAR, triangle), size).polygon();
            boolean inside = clipped.parts().stream().flatMap(List::stream)
                    .allMatch(p -> p.x() >= 0 && p.y() >= 0 && p.x() <= 100 && p.y() <= 80);
            return inside && clipped.area() <= triangle.area() + 1e-6;
        } catch (ValidationException e) {
            return true; // nothing left inside: also covered by the example tests
        }
    }
}
