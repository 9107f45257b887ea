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

    /**
     * The pixel area of {@link #rasterize(Polygon, int, int)}, exactly, without building the mask: for a
     * one-part polygon it walks the outline as {@link #ring} does and adds up, column by column, the lengths
     * between pairs of crossings (what the run lengths of the mask add up to); a polygon of several parts
     * needs the union of their masks, so it is rasterised. Scratch space is kept per thread, so a large export
     * allocates nothing here.
     */
    public static long area(Polygon polygon, int height, int width) {
        requireSize(height, width);
        List<Point> outline = polygon.parts().get(0);
        if (polygon.parts().size() == 1) {
            long area = AREA_SCRATCH.get().ringArea(outline, height, width);
            if (area >= 0) {
                return area;
            }
        }
        return rasterize(polygon, height, width).area();
    }

    /** {@link #area(Polygon, int, int)} in an image of {@code size}. */
    public static long area(Polygon polygon, ImageSize size) {
        return area(polygon, size.height(), size.width());
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

    private static final ThreadLocal<RingArea> AREA_SCRATCH = ThreadLocal.withInitial(RingArea::new);

    /**
     * {@link #ring}'s area with reused buffers. Each step of the walk that changes column at a pixel-centre
     * column gives the same mark (column, row) as in {@link #ring}. Sorted in column-major order, the marks
     * bound the runs: the foreground runs are [m0, m1), [m2, m3)... (two equal marks cancel, which changes
     * no such sum). A closed walk crosses each column an even number of times, so every column holds an even
     * number of marks and the sum is, per column, the rows between the 1st and 2nd, 3rd and 4th... mark: a
     * bucket per column and a small sort within each column replace the sort of all marks.
     */
    private static final class RingArea {
        /** Walks longer than this (an outline far larger than any image) are left to {@link #ring}. */
        private static final long MAX_STEPS = 1 << 24;
        /** Scratch arrays larger than this are dropped after use. */
        private static final int KEEP = 1 << 16;

        private int[] x = new int[64];
        private int[] y = new int[64];
        private int[] markColumn = new int[256];
        private int[] markRow = new int[256];
        private int[] columnStart = new int[64];
        private int[] rows = new int[256];
        private int marks;

        /** The area, or -1 when the walk is too long to take here (or a column's crossings do not pair up). */
        long ringArea(List<Point> outline, int h, int w) {
            int k = outline.size();
            if (x.length < k + 1) {
                x = new int[k + 1];
                y = new int[k + 1];
            }
            for (int j = 0; j < k; j++) {
                Point p = outline.get(j);
                x[j] = (int) (SCALE * p.x() + .5);
                y[j] = (int) (SCALE * p.y() + .5);
            }
            x[k] = x[0];
            y[k] = y[0];
            long steps = 0;
            for (int j = 0; j < k; j++) {
                steps += Math.max(Math.abs((long) x[j] - x[j + 1]), Math.abs((long) y[j] - y[j + 1])) + 1;
            }
            if (steps > MAX_STEPS) {
                return -1;
            }
            marks = 0;
            walk(k, h, w);
            long area = columnSums();
            if (markColumn.length > KEEP) {
                // an outline of an unusually large image: do not hold its buffers for the thread's life
                markColumn = new int[256];
                markRow = new int[256];
                rows = new int[256];
            }
            if (columnStart.length > KEEP) {
                columnStart = new int[64];
            }
            return area;
        }

        /**
         * The marks of {@link #ring}'s walk. Its points are (u, v) with one coordinate stepping by one along
         * each edge; a mark comes from two successive points of one edge whose u differ (where two edges meet,
         * the points share u, or lie left of the image). Along a flat edge (u steps by one) only every fifth
         * step can land on a pixel-centre column, so those steps are visited directly; along a steep edge (v
         * steps by one) each step's u is computed, and a mark taken where it changes. Every coordinate is
         * computed with the very expressions of {@link #ring}, so the marks are the same.
         */
        private void walk(int k, int h, int w) {
            long lastCentre = 5L * (w - 1) + 2; // the scaled column of the last pixel centre
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
                    // steps t -> t + 1 cross from scaled column c = xs + t to c + 1; centres have c = 5i + 2
                    long from = Math.max(xs, 2L), to = Math.min((long) xs + dx - 1, lastCentre);
                    for (long c = from + Math.floorMod(2 - from, 5L); c <= to; c += 5) {
                        int t = (int) (c - xs);
                        int v0 = (int) (ys + s * t + .5);
                        int v1 = (int) (ys + s * (t + 1) + .5);
                        mark((int) c, Math.min(v0, v1), h);
                    }
                } else {
                    int pu = (int) (xs + s * 0 + .5);
                    for (int t = 1; t <= dy; t++) {
                        int u = (int) (xs + s * t + .5);
                        if (u != pu) {
                            long c = Math.min(u, pu);
                            if (c >= 2 && c <= lastCentre && Math.floorMod(c - 2, 5L) == 0) {
                                mark((int) c, t - 1 + ys, h);
                            }
                            pu = u;
                        }
                    }
                }
            }
        }

        /** The mark at scaled column {@code c} (a pixel centre inside the image) and scaled row {@code v}. */
        private void mark(int c, int v, int h) {
            double yd = v;
            yd = (yd + .5) / SCALE - .5;
            if (yd < 0) {
                yd = 0;
            } else if (yd > h) {
                yd = h;
            }
            yd = Math.ceil(yd);
            if (marks == markColumn.length) {
                markColumn = Arrays.copyOf(markColumn, 2 * marks);
                markRow = Arrays.copyOf(markRow, 2 * marks);
            }
            markColumn[marks] = (c - 2) / 5;
            markRow[marks] = (int) yd;
            marks++;
        }

        /** Buckets the marks by column, then adds up each column's rows between pairs of crossings. */
        private long columnSums() {
            if (marks == 0) {
                return 0;
            }
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int i = 0; i < marks; i++) {
                lo = Math.min(lo, markColumn[i]);
                hi = Math.max(hi, markColumn[i]);
            }
            int columns = hi - lo + 1;
            if (columnStart.length < columns + 1) {
                columnStart = new int[Math.max(columns + 1, 2 * columnStart.length)];
            }
            Arrays.fill(columnStart, 0, columns + 1, 0);
            for (int i = 0; i < marks; i++) {
                columnStart[markColumn[i] - lo + 1]++;
            }
            for (int c = 0; c < columns; c++) {
                columnStart[c + 1] += columnStart[c];
            }
            if (rows.length < marks) {
                rows = new int[markColumn.length];
            }
            for (int i = 0; i < marks; i++) {
                rows[columnStart[markColumn[i] - lo]++] = markRow[i];
            }
            // columnStart[c] now holds the end of column c (and the start of column c + 1)
            long area = 0;
            int from = 0;
            for (int c = 0; c < columns; c++) {
                int to = columnStart[c];
                if (((to - from) & 1) != 0) {
                    return -1; // cannot happen for a closed walk; left to ring() should it ever
                }
                if (to - from == 2) {
                    area += Math.abs(rows[from + 1] - rows[from]);
                } else if (to > from) {
                    Arrays.sort(rows, from, to);
                    for (int i = from; i + 1 < to; i += 2) {
                        area += rows[i + 1] - rows[i];
                    }
                }
                from = to;
            }
            return area;
        }
    }

    private static void requireSize(int height, int width) {
        if (height < 1 || width < 1 || (long) height * width > Integer.MAX_VALUE) {
            throw ValidationException.of("size", "[" + height + "," + width + "]",
                    "expected an image [height, width] of at least 1x1 and at most 2^31-1 pixels");
        }
    }
}
