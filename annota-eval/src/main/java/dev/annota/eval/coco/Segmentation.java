package dev.annota.eval.coco;

import dev.annota.core.geometry.Rle;
import java.util.List;
import java.util.Objects;

/**
 * A COCO {@code segmentation} value: polygons (flat {@code [x1,y1,x2,y2,...]} lists, rasterised in the image's
 * size) or a mask (compressed or uncompressed RLE, already decoded; it carries its own size).
 */
public sealed interface Segmentation {
    /** COCO's polygon lists, as written in the file (not yet rasterised). */
    record Polygons(List<double[]> parts) implements Segmentation {
        public Polygons {
            parts = List.copyOf(parts);
        }
    }

    /** A mask given as RLE. */
    record Mask(Rle rle) implements Segmentation {
        public Mask {
            Objects.requireNonNull(rle, "rle");
        }
    }
}
