package dev.annota.eval.coco;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import java.util.ArrayList;
import java.util.List;

/**
 * pycocotools' {@code COCO.annToRLE}: the mask that segm evaluation compares. Polygons are rasterised in the
 * image's size ({@code frPyObjects} + {@code merge}); when the first list holds exactly 4 numbers, pycocotools
 * reads every list as a box {@code [x, y, w, h]} ({@code frBbox}), and so does this. RLE masks are used as
 * they are, in their own size.
 */
final class Masks {
    private Masks() {
    }

    static Rle toRle(Segmentation segmentation, CocoImage image) {
        if (segmentation instanceof Segmentation.Mask m) {
            return m.rle();
        }
        return rasterize(((Segmentation.Polygons) segmentation).parts(), image);
    }

    /** The mask of a detection that has none: its box as the polygon {@code loadRes} writes for it. */
    static Rle ofBox(PixelBox b, CocoImage image) {
        double x1 = b.x(), x2 = b.x() + b.width(), y1 = b.y(), y2 = b.y() + b.height();
        return rasterize(List.of(new double[] {x1, y1, x1, y2, x2, y2, x2, y1}), image);
    }

    private static Rle rasterize(List<double[]> parts, CocoImage image) {
        if (parts.isEmpty()) {
            throw ValidationException.of("segmentation", "[]", "expected at least one polygon");
        }
        int h = image.height(), w = image.width();
        List<Rle> rles = new ArrayList<>(parts.size());
        if (parts.get(0).length == 4) {
            for (int i = 0; i < parts.size(); i++) {
                double[] b = parts.get(i);
                if (b.length != 4) {
                    throw ValidationException.of("segmentation[" + i + "]", b.length + " numbers",
                            "expected 4 numbers [x, y, w, h] (the first list has 4, so all are read as boxes)");
                }
                rles.add(PolygonRasterizer.rasterize(new PixelBox(b[0], b[1], b[2], b[3]), h, w));
            }
        } else {
            rles.addAll(PolygonRasterizer.rasterizeParts(Polygon.fromFlat(parts), h, w));
        }
        return RleOps.union(rles);
    }
}
