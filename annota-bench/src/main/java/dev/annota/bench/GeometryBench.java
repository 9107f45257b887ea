package dev.annota.bench;

import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmarks of mask geometry on a 640×480 image, each against the obvious JDK or pixel-by-pixel approach
 * measured in the same run: polygon rasterisation ({@link PolygonRasterizer} against Java2D filling a
 * {@link Path2D} into a {@link BufferedImage}) and the mask IoU matrix ({@link RleOps#iouMatrix} against
 * decoding every mask and counting pixels). The polygons are random but fixed by a seed: star-shaped rings
 * of 8–40 vertices, 10–300 px across, centred anywhere in the image (so some are cut off at its border).
 *
 * <p>Each benchmark also checks correctness in passing: the IoU matrices must agree to 1e-12, and the
 * rasterisation reports how many pixels the two rasterisers disagree on (they follow different rules:
 * pycocotools' 1/5-pixel grid against Java2D's exact pixel-centre rule).
 */
final class GeometryBench {
    static final ImageSize IMAGE = new ImageSize(640, 480);
    private static final long SEED = 20_240_611L;
    private static final double IOU_TOLERANCE = 1e-12;

    private GeometryBench() {
    }

    /** Rasterises 2,000 random polygons; ours vs Java2D. */
    static BenchResult rasterizePolygons() {
        // the correctness pass before the timing also warms the baseline up
        return rasterizePolygons(2_000, new Rounds(10, 15, 1, 7));
    }

    /** Mask IoU matrix of 100 detections × 100 ground truths; run-based vs pixel-by-pixel. */
    static BenchResult maskIouMatrix() {
        // no warm-up for the baseline: one matrix takes seconds, so its loop is compiled early in the first
        // round, and the median of three leaves that round out
        return maskIouMatrix(100, new Rounds(20, 21, 0, 3));
    }

    /** Warm-up calls and timed rounds, for ours and for the baseline. */
    record Rounds(int oursWarmup, int oursRounds, int baselineWarmup, int baselineRounds) {
        Rounds {
            if (oursWarmup < 0 || baselineWarmup < 0 || oursRounds < 1 || baselineRounds < 1) {
                throw new IllegalArgumentException("expected warm-ups >= 0 and rounds >= 1, got warm-ups " + oursWarmup
                        + "/" + baselineWarmup + " and rounds " + oursRounds + "/" + baselineRounds);
            }
        }
    }

    /** {@link #rasterizePolygons()} with {@code count} polygons and the given rounds. */
    static BenchResult rasterizePolygons(int count, Rounds rounds) {
        List<Polygon> polygons = randomPolygons(count, new SplittableRandom(SEED));
        // correctness figures first, outside the timing
        Java2dRasterizer java2d = new Java2dRasterizer(IMAGE);
        long ourPixels = 0, theirPixels = 0, disagreeing = 0;
        int identical = 0;
        for (Polygon p : polygons) {
            Rle ours = PolygonRasterizer.rasterize(p, IMAGE);
            Rle theirs = java2d.rasterize(p);
            long both = RleOps.intersection(List.of(ours, theirs)).area();
            ourPixels += ours.area();
            theirPixels += theirs.area();
            disagreeing += ours.area() + theirs.area() - 2 * both;
            identical += ours.equals(theirs) ? 1 : 0;
        }
        double oursSeconds = Timer.secondsPerCall(() -> {
            long runs = 0;
            for (Polygon p : polygons) {
                runs += PolygonRasterizer.rasterize(p, IMAGE).runCount();
            }
            return runs;
        }, rounds.oursWarmup(), rounds.oursRounds());
        double baselineSeconds = Timer.secondsPerCall(() -> {
            Java2dRasterizer r = new Java2dRasterizer(IMAGE);
            long runs = 0;
            for (Polygon p : polygons) {
                runs += r.rasterize(p).runCount();
            }
            return runs;
        }, rounds.baselineWarmup(), rounds.baselineRounds());

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("polygons", count);
        details.put("image", IMAGE.width() + "x" + IMAGE.height());
        details.put("seed", SEED);
        details.put("polygons_per_s_ours", count / oursSeconds);
        details.put("polygons_per_s_baseline", count / baselineSeconds);
        details.put("pixels_ours", ourPixels);
        details.put("pixels_baseline", theirPixels);
        details.put("pixels_disagreeing", disagreeing);
        details.put("disagreement_fraction", ourPixels == 0 ? 0.0 : (double) disagreeing / ourPixels);
        details.put("identical_masks", identical);
        details.put("rounds", rounds.toString());
        return new BenchResult("rasterize-polygons", "seconds per set of " + count + " polygons",
                "java2d-path2d-fill", oursSeconds, baselineSeconds, details);
    }

    /** {@link #maskIouMatrix()} with {@code n} detections and {@code n} ground truths and the given rounds. */
    static BenchResult maskIouMatrix(int n, Rounds rounds) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<Polygon> gtPolygons = randomPolygons(n, random);
        List<Rle> gts = new ArrayList<>(n);
        List<Rle> dts = new ArrayList<>(n);
        for (Polygon p : gtPolygons) {
            gts.add(PolygonRasterizer.rasterize(p, IMAGE));
            // a detection near each ground truth, so the matrix has a strong diagonal besides chance overlaps
            dts.add(PolygonRasterizer.rasterize(jitter(p, random), IMAGE));
        }
        boolean[] iscrowd = new boolean[n];
        for (int g = 0; g < n; g += 10) {
            iscrowd[g] = true;
        }
        // the matrices checked are the last ones the timed rounds computed
        double[][][] last = new double[2][][];
        double oursSeconds = Timer.secondsPerCall(() -> checksum(last[0] = RleOps.iouMatrix(dts, gts, iscrowd)),
                rounds.oursWarmup(), rounds.oursRounds());
        double baselineSeconds = Timer.secondsPerCall(() -> checksum(last[1] = naiveIouMatrix(dts, gts, iscrowd)),
                rounds.baselineWarmup(), rounds.baselineRounds());
        double[][] ours = last[0], naive = last[1];
        double maxDifference = 0;
        int nonZero = 0;
        double diagonal = 0;
        for (int d = 0; d < n; d++) {
            diagonal += ours[d][d];
            for (int g = 0; g < n; g++) {
                double difference = Math.abs(ours[d][g] - naive[d][g]);
                if (!(difference <= IOU_TOLERANCE)) {
                    throw new IllegalStateException("mask-iou-matrix: IoU[" + d + "][" + g + "] is " + ours[d][g]
                            + " run-based but " + naive[d][g] + " pixel by pixel; expected them equal to "
                            + IOU_TOLERANCE);
                }
                maxDifference = Math.max(maxDifference, difference);
                nonZero += ours[d][g] > 0 ? 1 : 0;
            }
        }

        long pairs = (long) n * n;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("detections", n);
        details.put("ground_truths", n);
        details.put("crowd_ground_truths", (n + 9) / 10);
        details.put("image", IMAGE.width() + "x" + IMAGE.height());
        details.put("pairs_per_s_ours", pairs / oursSeconds);
        details.put("pairs_per_s_baseline", pairs / baselineSeconds);
        details.put("nonzero_pairs", nonZero);
        details.put("mean_diagonal_iou", n == 0 ? 0.0 : diagonal / n);
        details.put("max_abs_difference", maxDifference);
        details.put("rounds", rounds.toString());
        return new BenchResult("mask-iou-matrix", "seconds per " + n + "x" + n + " matrix",
                "decode-and-count-pixels", oursSeconds, baselineSeconds, details);
    }

    /**
     * The naive IoU matrix: decode every mask to a bitmap, then count intersection, union and detection area
     * pixel by pixel for every pair; crowd ground truths divide by the detection's area, as pycocotools does.
     */
    static double[][] naiveIouMatrix(List<Rle> dts, List<Rle> gts, boolean[] iscrowd) {
        boolean[][] dBits = new boolean[dts.size()][];
        for (int d = 0; d < dts.size(); d++) {
            dBits[d] = dts.get(d).toBitmap();
        }
        boolean[][] gBits = new boolean[gts.size()][];
        for (int g = 0; g < gts.size(); g++) {
            gBits[g] = gts.get(g).toBitmap();
        }
        double[][] out = new double[dts.size()][gts.size()];
        for (int d = 0; d < dts.size(); d++) {
            for (int g = 0; g < gts.size(); g++) {
                out[d][g] = pixelIou(dBits[d], gBits[g], iscrowd[g]);
            }
        }
        return out;
    }

    private static double pixelIou(boolean[] dt, boolean[] gt, boolean crowd) {
        long inter = 0, union = 0, dtArea = 0;
        for (int k = 0; k < dt.length; k++) {
            if (dt[k] && gt[k]) {
                inter++;
            }
            if (dt[k] || gt[k]) {
                union++;
            }
            if (dt[k]) {
                dtArea++;
            }
        }
        return inter == 0 ? 0 : (double) inter / (double) (crowd ? dtArea : union);
    }

    /**
     * {@code count} star-shaped polygons: 8–40 vertices at sorted random angles around a centre anywhere in
     * the image, each at 40–100 % of a radius of 5–150 px (so 10–300 px across). Simple, never self-crossing.
     */
    static List<Polygon> randomPolygons(int count, SplittableRandom random) {
        List<Polygon> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int vertices = random.nextInt(8, 41);
            double radius = random.nextDouble(10, 300) / 2;
            double cx = random.nextDouble(0, IMAGE.width());
            double cy = random.nextDouble(0, IMAGE.height());
            double[] angles = new double[vertices];
            for (int k = 0; k < vertices; k++) {
                angles[k] = random.nextDouble(0, 2 * Math.PI);
            }
            Arrays.sort(angles);
            List<Point> points = new ArrayList<>(vertices);
            for (double angle : angles) {
                double r = radius * random.nextDouble(0.4, 1.0);
                points.add(new Point(cx + r * Math.cos(angle), cy + r * Math.sin(angle)));
            }
            out.add(Polygon.of(points));
        }
        return out;
    }

    /** The polygon moved by up to 15 px as a whole and each vertex by up to 5 px more: a plausible detection. */
    private static Polygon jitter(Polygon polygon, SplittableRandom random) {
        double dx = random.nextDouble(-15, 15), dy = random.nextDouble(-15, 15);
        List<List<Point>> parts = new ArrayList<>();
        for (List<Point> part : polygon.parts()) {
            List<Point> moved = new ArrayList<>(part.size());
            for (Point p : part) {
                moved.add(new Point(p.x() + dx + random.nextDouble(-5, 5), p.y() + dy + random.nextDouble(-5, 5)));
            }
            parts.add(moved);
        }
        return new Polygon(parts);
    }

    private static long checksum(double[][] matrix) {
        long sum = 0;
        for (double[] row : matrix) {
            for (double v : row) {
                sum += Double.doubleToLongBits(v);
            }
        }
        return sum;
    }

    /**
     * The baseline rasteriser: each part filled as a {@link Path2D} into one reused 8-bit grey image with
     * antialiasing off and pure (unnormalised) geometry, then the pixels scanned into a bitmap and encoded
     * with {@link Rle#fromBitmap}. Parts are filled one by one, so a multi-part polygon is their union, as COCO
     * reads it.
     */
    private static final class Java2dRasterizer {
        private final int width;
        private final int height;
        private final Graphics2D graphics;
        private final byte[] pixels;
        private final boolean[] bitmap;

        Java2dRasterizer(ImageSize size) {
            this.width = size.width();
            this.height = size.height();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            this.graphics = image.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.setColor(java.awt.Color.WHITE);
            this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            this.bitmap = new boolean[width * height];
        }

        Rle rasterize(Polygon polygon) {
            Arrays.fill(pixels, (byte) 0);
            for (List<Point> part : polygon.parts()) {
                Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, part.size() + 1);
                path.moveTo(part.get(0).x(), part.get(0).y());
                for (int k = 1; k < part.size(); k++) {
                    path.lineTo(part.get(k).x(), part.get(k).y());
                }
                path.closePath();
                graphics.fill(path);
            }
            for (int k = 0; k < pixels.length; k++) {
                bitmap[k] = pixels[k] != 0;
            }
            return Rle.fromBitmap(bitmap, height, width);
        }
    }
}
