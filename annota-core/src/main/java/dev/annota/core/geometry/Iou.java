package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.List;

/**
 * Intersection over union of two shapes of one kind. Every result lies in [0, 1]; shapes that do not overlap,
 * or whose union has no area, give 0.
 *
 * <p>Two kinds of semantics:
 * <ul>
 *   <li><b>geometric</b> for boxes, rotated boxes and polygons: areas of the shapes as regions of the plane in
 *       continuous pixel coordinates (a box [x, x+w) × [y, y+h) has area w·h, no "+1");</li>
 *   <li><b>pixel</b> for masks: counts of mask pixels ({@link RleOps#iou}). A polygon's pixel IoU, as COCO
 *       segmentation evaluation uses it, is the mask IoU of {@link PolygonRasterizer#rasterize} of each.</li>
 * </ul>
 *
 * <p>The <em>crowd</em> variants follow pycocotools: when the ground truth is a crowd region, the score is
 * intersection / area of the detection, so a detection inside a crowd scores 1 however large the crowd is.
 */
public final class Iou {
    private Iou() {
    }

    /** Geometric IoU of two axis-aligned boxes, computed as pycocotools' {@code bbIou}. */
    public static double boxes(PixelBox dt, PixelBox gt) {
        return boxes(dt, gt, false);
    }

    /**
     * Box IoU exactly as pycocotools' {@code bbIou} (same operations in the same order, so the same double):
     * intersection / union, or intersection / area of the detection when {@code crowd}.
     */
    public static double boxes(PixelBox dt, PixelBox gt, boolean crowd) {
        double w = Math.min(dt.width() + dt.x(), gt.width() + gt.x()) - Math.max(dt.x(), gt.x());
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(dt.height() + dt.y(), gt.height() + gt.y()) - Math.max(dt.y(), gt.y());
        if (h <= 0) {
            return 0;
        }
        double da = dt.width() * dt.height();
        double ga = gt.width() * gt.height();
        double i = w * h;
        double u = crowd ? da : da + ga - i;
        return i / u;
    }

    /**
     * The box IoU of every detection with every ground truth, {@code [detection][groundTruth]}, as
     * {@code maskUtils.iou(dts, gts, iscrowd)} on boxes.
     *
     * @param iscrowd one flag per ground truth: true where it is a crowd region (null: none is)
     */
    public static double[][] boxMatrix(List<PixelBox> dts, List<PixelBox> gts, boolean[] iscrowd) {
        if (iscrowd != null && iscrowd.length != gts.size()) {
            throw ValidationException.of("iscrowd", iscrowd.length + " flags",
                    "expected one crowd flag per ground truth (" + gts.size() + ")");
        }
        double[][] out = new double[dts.size()][gts.size()];
        for (int d = 0; d < dts.size(); d++) {
            for (int g = 0; g < gts.size(); g++) {
                out[d][g] = boxes(dts.get(d), gts.get(g), iscrowd != null && iscrowd[g]);
            }
        }
        return out;
    }

    /** Exact geometric IoU of two rotated boxes (convex polygon clipping). */
    public static double rotatedBoxes(RotatedBox a, RotatedBox b) {
        double inter = ConvexClip.intersectionArea(a.corners(), b.corners());
        return ratio(inter, a.area() + b.area() - inter);
    }

    /**
     * Geometric IoU of two polygons, each read as COCO reads it: a part encloses what lies inside its outline by
     * crossing parity (even-odd), and the parts of a polygon are united. Areas are exact up to floating point
     * ({@link Area} boolean operations on the straight-edged outlines).
     */
    public static double polygons(Polygon a, Polygon b) {
        Area shapeA = region(a);
        Area shapeB = region(b);
        Area inter = new Area(shapeA);
        inter.intersect(shapeB);
        double i = area(inter);
        return ratio(i, area(shapeA) + area(shapeB) - i);
    }

    /** The geometric area of a polygon read as {@link #polygons} reads it (overlapping parts counted once). */
    public static double regionArea(Polygon polygon) {
        return area(region(polygon));
    }

    /** Pixel IoU of two masks of one size ({@link RleOps#iou}). */
    public static double masks(Rle dt, Rle gt) {
        return RleOps.iou(dt, gt, false);
    }

    /** Pixel IoU of two masks, crowd variant when {@code crowd} ({@link RleOps#iou}). */
    public static double masks(Rle dt, Rle gt, boolean crowd) {
        return RleOps.iou(dt, gt, crowd);
    }

    private static double ratio(double inter, double union) {
        if (inter <= 0 || union <= 0) {
            return 0;
        }
        return Math.min(1, inter / union);
    }

    private static Area region(Polygon polygon) {
        Area all = new Area();
        for (List<Point> part : polygon.parts()) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, part.size());
            path.moveTo(part.get(0).x(), part.get(0).y());
            for (int i = 1; i < part.size(); i++) {
                path.lineTo(part.get(i).x(), part.get(i).y());
            }
            path.closePath();
            all.add(new Area(path));
        }
        return all;
    }

    /** Shoelace over the (straight-edged) outlines of an {@link Area}; holes run the other way and subtract. */
    private static double area(Area shape) {
        double sum = 0;
        double[] c = new double[6];
        double startX = 0, startY = 0, lastX = 0, lastY = 0;
        for (PathIterator it = shape.getPathIterator(null, 1e-9); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = lastX = c[0];
                    startY = lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    sum += lastX * c[1] - c[0] * lastY;
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    sum += lastX * startY - startX * lastY;
                    lastX = startX;
                    lastY = startY;
                }
                default -> throw new IllegalStateException("a flattened path has only lines");
            }
        }
        return Math.abs(sum) / 2;
    }
}
