package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns polygons and boxes into {@link Rle} masks pixel for pixel as pycocotools does
 * ({@code maskUtils.frPyObjects(segm, h, w)} followed by {@code maskUtils.merge}), which is what COCO's
 * {@code annToRLE} and so every COCO segmentation score rest on.
 *
 * <p>The method is pycocotools' {@code rleFrPoly}: the vertices are scaled by 5 and rounded with
 * {@code (int)(v + .5)}; each edge is walked one step at a time along its longer axis, rounding the other
 * coordinate; wherever the walk changes column at a pixel-centre column, the crossing's row (scaled back,
 * clamped to [0, h] and rounded up) marks a change between outside and inside in that column. Sorting the
 * marks in column-major order gives the run lengths. A part is filled by crossing parity (a self-crossing
 * outline leaves holes where it overlaps itself); the parts of a multi-part polygon are united.
 *
 * <p>Coordinates are in pixels: pixel (x, y) covers [x, x+1) × [y, y+1), and it is set when its centre is
 * (approximately, up to the 1/5 pixel grid) inside the outline. Parts lying partly or wholly outside the
 * image are cut off.
 */
public final class PolygonRasterizer {
    private static final double SCALE = 5;

    private PolygonRasterizer() {
    }

    /** The mask of a (multi-part) polygon: the union of its parts' masks. */
    public static Rle rasterize(Polygon polygon, ImageSize size) {
        return rasterize(polygon, size.height(), size.width());
    }

    /** The mask of a (multi-part) polygon in a {@code height × width} image: the union of its parts' masks. */
    public static Rle rasterize(Polygon polygon, int height, int width) {
        return RleOps.union(rasterizeParts(polygon, height, width));
    }

    /** One mask per part, as {@code frPyObjects} returns them before merging. */
    public static List<Rle> rasterizeParts(Polygon polygon, int height, int width) {
        requireSize(height, width);
        List<Rle> out = new ArrayList<>(polygon.parts().size());
        for (double[] xy : polygon.toFlat()) {
            out.add(ring(xy, height, width));
        }
        return out;
    }

    /**
     * The mask of an axis-aligned box, as pycocotools' {@code frBbox}: the polygon through its corners
     * (x, y), (x, y+h), (x+w, y+h), (x+w, y) rasterised as above.
     */
    public static Rle rasterize(PixelBox box, int height, int width) {
        requireSize(height, width);
        double xs = box.x(), xe = xs + box.width();
        double ys = box.y(), ye = ys + box.height();
        return ring(new double[] {xs, ys, xs, ye, xe, ye, xe, ys}, height, width);
    }

    /** {@link #rasterize(PixelBox, int, int)} for an image of {@code size}. */
    public static Rle rasterize(PixelBox box, ImageSize size) {
        return rasterize(box, size.height(), size.width());
    }

    /** {@code rleFrPoly} for one closed ring given as flat {@code [x1,y1,x2,y2,...]}. */
    static Rle ring(double[] xy, int h, int w) {
        int k = xy.length / 2;
        if (k == 0) {
            return Rle.empty(h, w);
        }
        // upsample and get discrete points densely along the entire boundary
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[2 * j] + .5);
            y[j] = (int) (SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        int m = 0;
        for (int j = 0; j < k; j++) {
            m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
        }
        int[] u = new int[m];
        int[] v = new int[m];
        m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
            int dx = Math.abs(xe - xs), dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        // get points along the y-boundary and downsample
        int points = m;
        long[] marks = new long[points + 1];
        int n = 0;
        for (int j = 1; j < points; j++) {
            if (u[j] == u[j - 1]) {
                continue;
            }
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / SCALE - .5;
            if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) {
                continue;
            }
            double yd = Math.min(v[j], v[j - 1]);
            yd = (yd + .5) / SCALE - .5;
            if (yd < 0) {
                yd = 0;
            } else if (yd > h) {
                yd = h;
            }
            yd = Math.ceil(yd);
            marks[n++] = (long) (int) xd * h + (int) yd;
        }
        // compute the run lengths from the y-boundary marks
        marks[n++] = (long) h * w;
        Arrays.sort(marks, 0, n);
        long previous = 0;
        for (int j = 0; j < n; j++) {
            long t = marks[j];
            marks[j] -= previous;
            previous = t;
        }
        int[] runs = new int[n];
        int r = 0;
        int j = 0;
        runs[r++] = (int) marks[j++];
        while (j < n) {
            if (marks[j] > 0) {
                runs[r++] = (int) marks[j++];
            } else {
                // two marks at one pixel cancel: the run before goes on
                j++;
                if (j < n) {
                    runs[r - 1] += (int) marks[j++];
                }
            }
        }
        return Rle.ofTrusted(h, w, Arrays.copyOf(runs, r));
    }

    private static void requireSize(int height, int width) {
        if (height < 1 || width < 1 || (long) height * width > Integer.MAX_VALUE) {
            throw ValidationException.of("size", "[" + height + "," + width + "]",
                    "expected an image [height, width] of at least 1x1 and at most 2^31-1 pixels");
        }
    }
}
