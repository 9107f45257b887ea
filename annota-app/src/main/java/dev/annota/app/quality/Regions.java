package dev.annota.app.quality;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.eval.agreement.Region;
import dev.annota.eval.agreement.Shape;
import java.util.List;

/**
 * Annotations as {@link Shape}s for {@code ShapeAgreement}: boxes as boxes, masks as masks, polygons, rotated boxes
 * and ellipses as their rasterised masks (pixel IoU, as COCO compares segments), any other object by its bounding
 * box. Tags are not shapes. A shape's group is its kind and label, so only like is compared with like.
 */
final class Regions {
    private Regions() {
    }

    static List<Shape> shapes(String image, List<Annotation> annotations, ImageSize size) {
        return annotations.stream().filter(a -> !(a instanceof Tag))
                .map(a -> new Shape(image, a.kind().wireName() + ":" + a.label().value(), region(a, size))).toList();
    }

    static int label(Shape s) {
        return Integer.parseInt(s.label().substring(s.label().indexOf(':') + 1));
    }

    private static Region region(Annotation a, ImageSize size) {
        if (a instanceof BoxAnnotation b) {
            return new Region.Box(b.box());
        }
        if (a instanceof MaskAnnotation m) {
            return new Region.Mask(m.mask());
        }
        if (a instanceof PolygonAnnotation p) {
            return new Region.Mask(PolygonRasterizer.rasterize(p.polygon(), size));
        }
        if (a instanceof RotatedBoxAnnotation r) {
            return new Region.Mask(PolygonRasterizer.rasterize(r.box().toPolygon(), size));
        }
        if (a instanceof EllipseAnnotation e) {
            return new Region.Mask(PolygonRasterizer.rasterize(e.ellipse().toPolygon(64), size));
        }
        return new Region.Box(a.boundingBox().orElseThrow());
    }
}
