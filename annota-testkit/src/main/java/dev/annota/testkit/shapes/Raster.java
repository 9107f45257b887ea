package dev.annota.testkit.shapes;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import java.util.Arrays;
import java.util.List;

/**
 * The owner raster of a scene: for each pixel ({@code owner[y * width + x]}) the index of the top-most shape
 * whose {@link Region} holds the pixel centre, or -1 for background. Painting in list order (painter's order)
 * makes later shapes occlude earlier ones.
 */
final class Raster {
    static final int BACKGROUND = -1;

    private final int width;
    private final int height;
    private final int[] owner;

    Raster(int width, int height) {
        this.width = width;
        this.height = height;
        this.owner = new int[width * height];
    }

    int owner(int x, int y) {
        return owner[y * width + x];
    }

    /**
     * Paints {@code shapes} bottom to top, and returns for each how many pixels of the image it covers before
     * occlusion (its amodal pixel count inside the image).
     */
    long[] paint(List<AnalyticShape> shapes) {
        Arrays.fill(owner, BACKGROUND);
        long[] amodal = new long[shapes.size()];
        for (int k = 0; k < shapes.size(); k++) {
            AnalyticShape shape = shapes.get(k);
            Region region = Region.of(shape);
            PixelBox b = shape.bounds();
            int x0 = clampX((long) Math.floor(b.x()) - 1), x1 = clampX((long) Math.ceil(b.x2()) + 1);
            int y0 = clampY((long) Math.floor(b.y()) - 1), y1 = clampY((long) Math.ceil(b.y2()) + 1);
            long count = 0;
            for (int y = y0; y <= y1; y++) {
                count += region.paintRow(y, x0, x1, owner, y * width, k);
            }
            amodal[k] = count;
        }
        return amodal;
    }

    /** How many pixels each of {@code shapes} top-most shapes owns. */
    long[] visibleCounts(int shapes) {
        long[] counts = new long[shapes];
        for (int o : owner) {
            if (o != BACKGROUND) {
                counts[o]++;
            }
        }
        return counts;
    }

    /** Replaces each owned pixel of {@code rgb} by the colour of its owner. */
    void colour(int[] rgb, int[] colours) {
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] != BACKGROUND) {
                rgb[i] = colours[owner[i]];
            }
        }
    }

    /** The COCO RLE of the pixels that shape {@code k} owns; scans only the columns and rows of {@code bounds}. */
    Rle mask(int k, PixelBox bounds) {
        int x0 = clampX((long) Math.floor(bounds.x()) - 1), x1 = clampX((long) Math.ceil(bounds.x2()) + 1);
        int y0 = clampY((long) Math.floor(bounds.y()) - 1), y1 = clampY((long) Math.ceil(bounds.y2()) + 1);
        int[] runs = new int[16];
        int n = 0;
        int cursor = 0;
        int start = -1, end = -1;
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                if (owner[y * width + x] != k) {
                    continue;
                }
                int p = x * height + y;
                if (p == end) {
                    end++;
                    continue;
                }
                if (start >= 0) {
                    runs = ensure(runs, n + 2);
                    runs[n++] = start - cursor;
                    runs[n++] = end - start;
                    cursor = end;
                }
                start = p;
                end = p + 1;
            }
        }
        runs = ensure(runs, n + 3);
        if (start >= 0) {
            runs[n++] = start - cursor;
            runs[n++] = end - start;
            cursor = end;
        }
        runs[n++] = width * height - cursor;
        return Rle.of(height, width, Arrays.copyOf(runs, n));
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    private int clampX(long x) {
        return (int) Math.max(0, Math.min(width - 1, x));
    }

    private int clampY(long y) {
        return (int) Math.max(0, Math.min(height - 1, y));
    }
}
