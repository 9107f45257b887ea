package dev.annota.core.annotation;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import java.util.ArrayList;
import java.util.List;

/** The per-kind rules of {@link BoundsPolicy}. */
final class ImageBounds {
    private ImageBounds() {
    }

    @SuppressWarnings("unchecked") // every branch returns the record type it was given
    static <A extends Annotation> A apply(A a, ImageSize size, BoundsPolicy policy) {
        boolean clip = policy == BoundsPolicy.CLIP;
        Annotation out;
        if (a instanceof Tag) {
            out = a;
        } else if (a instanceof BoxAnnotation b) {
            out = box(b, size, clip);
        } else if (a instanceof PolygonAnnotation p) {
            out = polygon(p, size, clip);
        } else if (a instanceof PointsAnnotation p) {
            out = clip ? new PointsAnnotation(p.info(), Clipping.clamp(p.points(), size))
                    : rejectOutside(p, p.points(), "points", size);
        } else if (a instanceof PolylineAnnotation p) {
            out = polyline(p, size, clip);
        } else if (a instanceof KeypointsAnnotation k) {
            out = keypoints(k, size, clip);
        } else if (a instanceof MaskAnnotation m) {
            out = mask(m, size);
        } else if (a instanceof CuboidAnnotation c) {
            out = cuboid(c, size, clip);
        } else if (a instanceof RotatedBoxAnnotation r) {
            out = unclippable(r, r.box().boundingBox(), "rotated_box", size, clip);
        } else if (a instanceof EllipseAnnotation e) {
            out = unclippable(e, e.ellipse().boundingBox(), "ellipse", size, clip);
        } else {
            throw new IllegalStateException("unhandled annotation kind " + a.kind());
        }
        return (A) out;
    }

    private static Annotation box(BoxAnnotation a, ImageSize size, boolean clip) {
        PixelBox box = a.box();
        if (box.isInside(size)) {
            return a;
        }
        if (!clip) {
            throw ValidationException.of("box", xywh(box), "expected a box inside the " + dims(size)
                    + " image (it extends past the " + edges(box, size) + ")");
        }
        PixelBox clipped = box.clip(size);
        if (clipped.area() == 0) {
            throw ValidationException.of("box", xywh(box), "expected a box overlapping the " + dims(size)
                    + " image (nothing is left after clipping)");
        }
        return new BoxAnnotation(a.info(), clipped);
    }

    private static Annotation polygon(PolygonAnnotation a, ImageSize size, boolean clip) {
        List<List<Point>> parts = a.polygon().parts();
        if (parts.stream().allMatch(part -> part.stream().allMatch(p -> Clipping.inside(p, size)))) {
            return a;
        }
        if (!clip) {
            for (int i = 0; i < parts.size(); i++) {
                rejectOutside(a, parts.get(i), "polygon.parts[" + i + "]", size);
            }
        }
        List<List<Point>> kept = new ArrayList<>();
        for (List<Point> part : parts) {
            List<Point> ring = Clipping.clipRing(part, size);
            if (!ring.isEmpty()) {
                kept.add(ring);
            }
        }
        if (kept.isEmpty()) {
            throw ValidationException.of("polygon", "bounding box " + xywh(a.polygon().boundingBox()),
                    "expected a polygon overlapping the " + dims(size) + " image (nothing is left after clipping)");
        }
        return new PolygonAnnotation(a.info(), new Polygon(kept));
    }

    private static Annotation polyline(PolylineAnnotation a, ImageSize size, boolean clip) {
        List<Point> pts = a.polyline().points();
        if (!clip || pts.stream().allMatch(p -> Clipping.inside(p, size))) {
            return rejectOutside(a, pts, "polyline.points", size);
        }
        boolean touches = false;
        for (int i = 1; i < pts.size() && !touches; i++) {
            touches = Clipping.segmentTouches(pts.get(i - 1), pts.get(i), size);
        }
        if (!touches) {
            throw ValidationException.of("polyline", "bounding box " + xywh(a.polyline().boundingBox()),
                    "expected a polyline touching the " + dims(size) + " image");
        }
        return new PolylineAnnotation(a.info(), new Polyline(Clipping.clamp(pts, size)));
    }

    private static Annotation keypoints(KeypointsAnnotation a, ImageSize size, boolean clip) {
        List<Keypoint> pts = a.keypoints().points();
        boolean allInside = true;
        for (int i = 0; i < pts.size(); i++) {
            Keypoint k = pts.get(i);
            if (k.visibility().isLabelled() && !Clipping.inside(k.position(), size)) {
                if (!clip) {
                    throw outside("keypoints[" + i + "]", k.position(), size);
                }
                allInside = false;
            }
        }
        if (allInside) {
            return a;
        }
        List<Keypoint> clamped = pts.stream().map(k -> k.visibility().isLabelled()
                ? new Keypoint(Clipping.clamp(k.position(), size), k.visibility()) : k).toList();
        return new KeypointsAnnotation(a.info(), new Keypoints(clamped));
    }

    private static Annotation mask(MaskAnnotation a, ImageSize size) {
        Rle m = a.mask();
        if (m.height() != size.height() || m.width() != size.width()) {
            throw ValidationException.of("mask.size", "[" + m.height() + ", " + m.width() + "]",
                    "expected the image size [" + size.height() + ", " + size.width() + "] (height, width)");
        }
        return a;
    }

    private static Annotation cuboid(CuboidAnnotation a, ImageSize size, boolean clip) {
        Cuboid2D c = a.cuboid();
        if (!clip || c.points().stream().allMatch(p -> Clipping.inside(p, size))) {
            rejectOutside(a, c.front(), "cuboid.front", size);
            return rejectOutside(a, c.back(), "cuboid.back", size);
        }
        if (c.boundingBox().intersectionArea(size.box()) == 0) {
            throw ValidationException.of("cuboid", "bounding box " + xywh(c.boundingBox()),
                    "expected a cuboid overlapping the " + dims(size) + " image");
        }
        return new CuboidAnnotation(a.info(), new Cuboid2D(Clipping.clamp(c.front(), size), Clipping.clamp(c.back(), size)));
    }

    private static Annotation unclippable(Annotation a, PixelBox bounds, String field, ImageSize size, boolean clip) {
        if (bounds.isInside(size)) {
            return a;
        }
        if (!clip) {
            throw ValidationException.of(field, "bounding box " + xywh(bounds), "expected a shape inside the "
                    + dims(size) + " image (it extends past the " + edges(bounds, size) + ")");
        }
        if (bounds.intersectionArea(size.box()) == 0) {
            throw ValidationException.of(field, "bounding box " + xywh(bounds), "expected a shape overlapping the "
                    + dims(size) + " image");
        }
        return a;
    }

    /** {@code a} when every point is inside; otherwise an error naming the first point outside. */
    private static Annotation rejectOutside(Annotation a, List<Point> points, String field, ImageSize size) {
        for (int i = 0; i < points.size(); i++) {
            if (!Clipping.inside(points.get(i), size)) {
                throw outside(field + "[" + i + "]", points.get(i), size);
            }
        }
        return a;
    }

    private static ValidationException outside(String field, Point p, ImageSize size) {
        return ValidationException.of(field, Clipping.point(p), "expected a point inside the " + dims(size) + " image");
    }

    private static String edges(PixelBox b, ImageSize size) {
        List<String> names = new ArrayList<>();
        if (b.x() < 0) {
            names.add("left");
        }
        if (b.y() < 0) {
            names.add("top");
        }
        if (b.x2() > size.width()) {
            names.add("right");
        }
        if (b.y2() > size.height()) {
            names.add("bottom");
        }
        return String.join(" and ", names) + (names.size() > 1 ? " edges" : " edge");
    }

    private static String dims(ImageSize size) {
        return size.width() + "x" + size.height();
    }

    private static String xywh(PixelBox b) {
        return "[" + Clipping.num(b.x()) + ", " + Clipping.num(b.y()) + ", " + Clipping.num(b.width()) + ", "
                + Clipping.num(b.height()) + "]";
    }
}
