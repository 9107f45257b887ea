package dev.annota.eval.coco;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.Visibility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pycocotools' {@code COCO.loadRes}: turns the entries of a results file into {@link Detection}s.
 *
 * <p>The first result's keys choose one branch for all of them: with a non-empty {@code bbox}, every result's
 * area is {@code w * h}; otherwise with a {@code segmentation} (an RLE mask), the area is the mask's pixel count
 * and a missing box is the mask's {@code toBbox}; otherwise with {@code keypoints}, box and area come from the
 * extent of all keypoints ({@code min..max} of x and y, whatever their visibility). Detection ids are the
 * position in the file plus one. Every result must name an image of the ground truth.
 *
 * <p>Errors are located by JSON pointer into the results array ({@code /12}).
 */
public final class LoadResults {
    private enum Branch { BOX, MASK, KEYPOINTS }

    private LoadResults() {
    }

    public static List<Detection> load(List<CocoResult> results, CocoGroundTruth gt) {
        if (results.isEmpty()) {
            return List.of();
        }
        Set<Long> images = new HashSet<>();
        for (CocoImage image : gt.images()) {
            images.add(image.id());
        }
        CocoResult first = results.get(0);
        Branch branch = first.hasBox() ? Branch.BOX : first.segmentation().isPresent() ? Branch.MASK
                : first.keypoints().isPresent() ? Branch.KEYPOINTS : null;
        if (branch == null) {
            throw fail(0, "bbox", "(none)", "expected the first result to have a bbox, segmentation or keypoints");
        }
        List<Detection> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            CocoResult r = results.get(i);
            if (!images.contains(r.imageId())) {
                throw fail(i, "image_id", r.imageId(),
                        "expected the id of an image in the ground truth (results do not correspond to it)");
            }
            out.add(switch (branch) {
                case BOX -> boxResult(i, r);
                case MASK -> maskResult(i, r);
                case KEYPOINTS -> keypointResult(i, r);
            });
        }
        return out;
    }

    private static Detection boxResult(int i, CocoResult r) {
        double[] b = r.bbox().filter(x -> x.length == 4).orElseThrow(() -> fail(i, "bbox",
                r.bbox().map(LoadResults::show).orElse("(none)"), "expected [x, y, width, height] (the first result has a bbox)"));
        PixelBox box = box(i, b[0], b[1], b[2], b[3]);
        return new Detection(i + 1L, r.imageId(), r.categoryId(), r.score(), box, b[2] * b[3], r.segmentation(),
                r.keypoints().map(k -> keypoints(i, k)));
    }

    private static Detection maskResult(int i, CocoResult r) {
        if (!(r.segmentation().orElse(null) instanceof Segmentation.Mask mask)) {
            throw fail(i, "segmentation", r.segmentation().isPresent() ? "polygons" : "(none)",
                    "expected an RLE mask {size, counts} (the first result has a segmentation and no bbox)");
        }
        Rle rle = mask.rle();
        PixelBox box = r.bbox().filter(b -> b.length == 4).map(b -> box(i, b[0], b[1], b[2], b[3])).orElseGet(rle::boundingBox);
        return new Detection(i + 1L, r.imageId(), r.categoryId(), r.score(), box, rle.area(), r.segmentation(),
                r.keypoints().map(k -> keypoints(i, k)));
    }

    private static Detection keypointResult(int i, CocoResult r) {
        double[] s = r.keypoints().filter(k -> k.length >= 3 && k.length % 3 == 0).orElseThrow(() -> fail(i, "keypoints",
                r.keypoints().map(LoadResults::show).orElse("(none)"), "expected [x1, y1, v1, ...] triples (the first result has keypoints)"));
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.length; k += 3) {
            x0 = Math.min(x0, s[k]);
            x1 = Math.max(x1, s[k]);
            y0 = Math.min(y0, s[k + 1]);
            y1 = Math.max(y1, s[k + 1]);
        }
        PixelBox box = box(i, x0, y0, x1 - x0, y1 - y0);
        return new Detection(i + 1L, r.imageId(), r.categoryId(), r.score(), box, (x1 - x0) * (y1 - y0),
                r.segmentation(), Optional.of(keypoints(i, s)));
    }

    /** A detection's keypoints for OKS: positions only (OKS never reads a detection's third values). */
    private static Keypoints keypoints(int i, double[] s) {
        if (s.length % 3 != 0) {
            throw fail(i, "keypoints", show(s), "expected [x1, y1, v1, ...] triples");
        }
        List<Keypoint> points = new ArrayList<>(s.length / 3);
        for (int k = 0; k < s.length; k += 3) {
            points.add(new Keypoint(new Point(s[k], s[k + 1]), Visibility.VISIBLE));
        }
        return new Keypoints(points);
    }

    private static PixelBox box(int i, double x, double y, double w, double h) {
        try {
            return new PixelBox(x, y, w, h);
        } catch (ValidationException e) {
            throw fail(i, "bbox", "[" + x + ", " + y + ", " + w + ", " + h + "]",
                    "expected [x, y, width, height] with finite values and width, height >= 0");
        }
    }

    private static String show(double[] v) {
        return java.util.Arrays.toString(v);
    }

    private static ValidationException fail(int index, String field, Object value, String expected) {
        return new ValidationException(new FieldError("/" + index, field, String.valueOf(value), expected));
    }
}
