package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.List;

/**
 * Operations on {@link Rle} masks that give the same numbers as pycocotools ({@code maskApi.c}): merge
 * (union or intersection), area, bounding box and IoU. Every operation walks the runs; none decodes a bitmap.
 *
 * <p>Where pycocotools answers a size mismatch with an empty mask or an IoU of -1, these methods throw a
 * {@link ValidationException} instead.
 */
public final class RleOps {
    private static final long U32 = 0xffff_ffffL;

    private RleOps() {
    }

    /** The union of the masks, as {@code maskUtils.merge(rles)} (at least one mask, all of one size). */
    public static Rle union(List<Rle> masks) {
        return merge(masks, false);
    }

    /** The intersection of the masks, as {@code maskUtils.merge(rles, intersect=True)}. */
    public static Rle intersection(List<Rle> masks) {
        return merge(masks, true);
    }

    /**
     * Union ({@code intersect == false}) or intersection of one or more masks of the same size, with the runs
     * pycocotools' {@code rleMerge} produces (a single mask comes back unchanged).
     */
    public static Rle merge(List<Rle> masks, boolean intersect) {
        if (masks.isEmpty()) {
            throw ValidationException.of("masks", "[]", "expected at least one mask to merge");
        }
        Rle first = masks.get(0);
        int h = first.height(), w = first.width();
        for (int i = 1; i < masks.size(); i++) {
            requireSameSize("masks[" + i + "]", first, masks.get(i));
        }
        if (masks.size() == 1) {
            return first;
        }
        int[] acc = first.rawCounts();
        int accLength = acc.length;
        for (int i = 1; i < masks.size(); i++) {
            Rle b = masks.get(i);
            int[] out = new int[accLength + b.runCount() + 1];
            int m = 0;
            RunCursor ca = new RunCursor(acc, accLength);
            RunCursor cb = new RunCursor(b);
            boolean v = false;
            long cc = 0;
            boolean more = true;
            while (more) {
                int c = Math.min(ca.left, cb.left);
                cc += c;
                ca.consume(c);
                cb.consume(c);
                more = ca.left + (long) cb.left > 0;
                boolean vp = v;
                v = intersect ? ca.on && cb.on : ca.on || cb.on;
                if (v != vp || !more) {
                    out[m++] = (int) cc;
                    cc = 0;
                }
            }
            acc = out;
            accLength = m;
        }
        return Rle.ofTrusted(h, w, java.util.Arrays.copyOf(acc, accLength));
    }

    /** The number of foreground pixels ({@code maskUtils.area}). */
    public static long area(Rle mask) {
        return mask.area();
    }

    /**
     * The bounding box exactly as pycocotools' {@code toBbox} computes it: it looks only at the first and last
     * pixel of each foreground run, walking the counts in pairs (an odd trailing count is ignored); a run that
     * goes on into the next column stretches the box over the full height; an empty mask gives
     * {@code [0, 0, 0, 0]}. The arithmetic is unsigned 32-bit, as in C, so even degenerate counts (zero-length
     * runs) give pycocotools' answer.
     */
    public static PixelBox toBbox(Rle mask) {
        long h = mask.height(), w = mask.width();
        int m = (mask.runCount() / 2) * 2;
        if (m == 0 || h == 0) {
            return new PixelBox(0, 0, 0, 0);
        }
        long xs = w, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
        for (int j = 0; j < m; j++) {
            cc = (cc + mask.run(j)) & U32;
            long t = (cc - (j % 2)) & U32;
            long y = t % h;
            long x = (t - y) / h;
            if (j % 2 == 0) {
                xp = x;
            } else if (xp < x) {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        return new PixelBox(xs, ys, ((xe - xs + 1) & U32), ((ye - ys + 1) & U32));
    }

    /** Plain IoU of two masks of one size: intersection over union (0 when they do not overlap). */
    public static double iou(Rle dt, Rle gt) {
        return iou(dt, gt, false);
    }

    /**
     * IoU as pycocotools' {@code rleIou}: intersection / union, or, when {@code crowd} (the ground truth is a
     * crowd region), intersection / area of the detection {@code dt}. 0 when the masks do not overlap.
     */
    public static double iou(Rle dt, Rle gt, boolean crowd) {
        requireSameSize("gt", dt, gt);
        if (Iou.boxes(toBbox(dt), toBbox(gt), crowd) <= 0) {
            return 0;
        }
        return overlap(dt, gt, crowd, dt.area());
    }

    /**
     * The IoU of every detection with every ground truth, {@code [detection][groundTruth]}, as
     * {@code maskUtils.iou(dts, gts, iscrowd)}. Boxes are compared first; masks only where boxes overlap.
     *
     * @param iscrowd one flag per ground truth: true where it is a crowd region (null: none is)
     */
    public static double[][] iouMatrix(List<Rle> dts, List<Rle> gts, boolean[] iscrowd) {
        if (iscrowd != null && iscrowd.length != gts.size()) {
            throw ValidationException.of("iscrowd", iscrowd.length + " flags",
                    "expected one crowd flag per ground truth (" + gts.size() + ")");
        }
        PixelBox[] dBoxes = new PixelBox[dts.size()];
        long[] dAreas = new long[dts.size()];
        for (int d = 0; d < dts.size(); d++) {
            dBoxes[d] = toBbox(dts.get(d));
            dAreas[d] = dts.get(d).area();
        }
        PixelBox[] gBoxes = new PixelBox[gts.size()];
        for (int g = 0; g < gts.size(); g++) {
            gBoxes[g] = toBbox(gts.get(g));
        }
        double[][] out = new double[dts.size()][gts.size()];
        for (int g = 0; g < gts.size(); g++) {
            boolean crowd = iscrowd != null && iscrowd[g];
            Rle gt = gts.get(g);
            for (int d = 0; d < dts.size(); d++) {
                Rle dt = dts.get(d);
                requireSameSize("gts[" + g + "]", dt, gt);
                if (Iou.boxes(dBoxes[d], gBoxes[g], crowd) > 0) {
                    out[d][g] = overlap(dt, gt, crowd, dAreas[d]);
                }
            }
        }
        return out;
    }

    /** The run walk of {@code rleIou}: intersection over union (or over the detection's area for a crowd). */
    private static double overlap(Rle dt, Rle gt, boolean crowd, long dtArea) {
        RunCursor a = new RunCursor(dt);
        RunCursor b = new RunCursor(gt);
        long inter = 0, union = 0;
        boolean more = true;
        while (more) {
            int c = Math.min(a.left, b.left);
            if (a.on || b.on) {
                union += c;
                if (a.on && b.on) {
                    inter += c;
                }
            }
            a.consume(c);
            b.consume(c);
            more = a.left + (long) b.left > 0;
        }
        if (inter == 0) {
            return 0;
        }
        long denominator = crowd ? dtArea : union;
        return (double) inter / (double) denominator;
    }

    private static void requireSameSize(String field, Rle expected, Rle actual) {
        if (actual.height() != expected.height() || actual.width() != expected.width()) {
            throw ValidationException.of(field, "[" + actual.height() + "," + actual.width() + "]",
                    "expected a mask of the same size [height,width] = [" + expected.height() + ","
                            + expected.width() + "]");
        }
    }

    /**
     * Position in a list of runs, as pycocotools walks it: {@code left} pixels remain in the current run,
     * whose value is {@code on}; a run that is used up moves to the next one (which may itself be empty).
     */
    private static final class RunCursor {
        private final int[] counts;
        private final int length;
        private int next = 1;
        int left;
        boolean on;

        RunCursor(Rle rle) {
            this(rle.rawCounts(), rle.runCount());
        }

        RunCursor(int[] counts, int length) {
            this.counts = counts;
            this.length = length;
            this.left = length == 0 ? 0 : counts[0];
        }

        void consume(int c) {
            left -= c;
            if (left == 0 && next < length) {
                left = counts[next++];
                on = !on;
            }
        }
    }
}
