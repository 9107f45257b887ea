package dev.annota.infer.decode;

import dev.annota.core.geometry.Rle;
import dev.annota.infer.Prediction;
import dev.annota.infer.SegmentMask;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.List;
import java.util.Map;

/**
 * A one-channel probability map at model resolution → a binary mask of the original image: optional min–max
 * stretch, bilinear resampling of the map at every original pixel centre, threshold.
 */
final class MaskDecoder implements OutputDecoder {
    private final OutputSpec.Mask spec;
    private final int inputWidth;
    private final int inputHeight;
    private final Decoders.Labels labels;

    MaskDecoder(OutputSpec.Mask spec, int inputWidth, int inputHeight, Decoders.Labels labels) {
        this.spec = spec;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.labels = labels;
    }

    @Override
    public Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post) {
        OutputTensor t = Decoders.get(outputs, spec.name(), labels.model());
        int r = t.rank();
        if (r < 3 || r == 4 && t.dim(1) != 1 || r > 4) {
            throw t.mismatch(labels.model(), "[N, 1, H, W] or [N, H, W]");
        }
        labels.expect(1, t);
        int mh = t.dim(r - 2);
        int mw = t.dim(r - 1);
        float[] d = t.data();
        int off = item * mw * mh;
        float lo = 0;
        float span = 1;
        if (spec.minMaxNormalize()) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = off; i < off + mw * mh; i++) {
                min = Math.min(min, d[i]);
                max = Math.max(max, d[i]);
            }
            lo = min;
            span = max > min ? max - min : 1;
        }
        int w = transform.original().width();
        int h = transform.original().height();
        // map-pixel coordinates of each original pixel centre
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            sample(transform.toModelX(x + 0.5) * mw / inputWidth - 0.5, mw, x, x0, x1, fx);
        }
        boolean[] bitmap = new boolean[w * h];
        double sum = 0;
        long count = 0;
        int[] y01 = new int[2];
        float[] fy = new float[1];
        for (int y = 0; y < h; y++) {
            int[] yy0 = {0};
            int[] yy1 = {0};
            sample(transform.toModelY(y + 0.5) * mh / inputHeight - 0.5, mh, 0, yy0, yy1, fy);
            y01[0] = off + yy0[0] * mw;
            y01[1] = off + yy1[0] * mw;
            for (int x = 0; x < w; x++) {
                float top = d[y01[0] + x0[x]] + fx[x] * (d[y01[0] + x1[x]] - d[y01[0] + x0[x]]);
                float bottom = d[y01[1] + x0[x]] + fx[x] * (d[y01[1] + x1[x]] - d[y01[1] + x0[x]]);
                float m = ((top + fy[0] * (bottom - top)) - lo) / span;
                if (m > spec.threshold()) {
                    bitmap[y * w + x] = true;
                    sum += m;
                    count++;
                }
            }
        }
        if (count == 0) {
            return Prediction.ofMasks(transform.original(), List.of());
        }
        double score = sum / count;
        if (score < post.scoreThreshold()) {
            return Prediction.ofMasks(transform.original(), List.of());
        }
        Rle rle = Rle.fromBitmap(bitmap, h, w);
        return Prediction.ofMasks(transform.original(), List.of(new SegmentMask(labels.get(0), score, rle)));
    }

    private static void sample(double src, int len, int at, int[] i0, int[] i1, float[] f) {
        if (src <= 0) {
            i0[at] = 0;
            i1[at] = 0;
            f[at] = 0;
        } else if (src >= len - 1) {
            i0[at] = len - 1;
            i1[at] = len - 1;
            f[at] = 0;
        } else {
            int lo = (int) src;
            i0[at] = lo;
            i1[at] = lo + 1;
            f[at] = (float) (src - lo);
        }
    }
}
