package dev.annota.eval.coco;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.List;

/**
 * What every category's evaluation shares, indexed once: images and categories sorted by id (pycocotools'
 * {@code params.imgIds} and {@code catIds}), and for each category the ground truths and detections that
 * fall in it, as positions into the input lists in file order ({@code _prepare}'s filtering: annotations of
 * images or categories the ground truth does not list are left out).
 */
final class EvalInput {
    final CocoParams params;
    final List<GroundTruthObject> gts;
    final List<Detection> dts;
    final long[] imageIds;
    final long[] categoryIds;
    final CocoImage[] images;
    final int[] gtImage;
    final int[] dtImage;
    final double[] dtScore;
    final int[][] gtByCategory;
    final int[][] dtByCategory;

    EvalInput(CocoGroundTruth gt, List<Detection> dts, CocoParams params) {
        this.params = params;
        this.gts = gt.annotations();
        this.dts = List.copyOf(dts);
        imageIds = LongIndex.sortedUnique(gt.images().stream().mapToLong(CocoImage::id).toArray());
        categoryIds = LongIndex.sortedUnique(gt.categories().stream().mapToLong(CocoCategory::id).toArray());
        LongIndex imageIndex = new LongIndex(imageIds);
        LongIndex categoryIndex = new LongIndex(categoryIds);
        images = new CocoImage[imageIds.length];
        for (CocoImage image : gt.images()) {
            images[imageIndex.indexOf(image.id())] = image; // a repeated id: the last one counts, as in COCO's index
        }
        int n = gts.size();
        gtImage = new int[n];
        int[] gtCategory = new int[n];
        for (int i = 0; i < n; i++) {
            GroundTruthObject g = gts.get(i);
            gtImage[i] = imageIndex.indexOf(g.imageId());
            gtCategory[i] = gtImage[i] < 0 ? -1 : categoryIndex.indexOf(g.categoryId());
        }
        int m = this.dts.size();
        dtImage = new int[m];
        dtScore = new double[m];
        int[] dtCategory = new int[m];
        for (int i = 0; i < m; i++) {
            Detection d = this.dts.get(i);
            dtImage[i] = imageIndex.indexOf(d.imageId());
            if (dtImage[i] < 0) {
                throw new ValidationException(new FieldError("/" + i, "image_id", String.valueOf(d.imageId()),
                        "expected the id of an image in the ground truth"));
            }
            dtCategory[i] = categoryIndex.indexOf(d.categoryId());
            dtScore[i] = d.score();
        }
        gtByCategory = bucket(gtCategory, categoryIds.length);
        dtByCategory = bucket(dtCategory, categoryIds.length);
    }

    /** Positions grouped by bucket ({@code -1}: in none), each group in ascending position order. */
    private static int[][] bucket(int[] keys, int buckets) {
        int[] count = new int[buckets];
        for (int k : keys) {
            if (k >= 0) {
                count[k]++;
            }
        }
        int[][] out = new int[buckets][];
        for (int b = 0; b < buckets; b++) {
            out[b] = new int[count[b]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < keys.length; i++) {
            int k = keys[i];
            if (k >= 0) {
                out[k][count[k]++] = i;
            }
        }
        return out;
    }
}
