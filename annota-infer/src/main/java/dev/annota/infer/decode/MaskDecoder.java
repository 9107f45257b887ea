package dev.annota.infer.decode;

import dev.annota.core.geometry.Rle;
import dev.annota.infer.Prediction;
import dev.annota.infer.SegmentMask;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.Bilinear;
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
            Bilinear.sample(transform.toModelX(x + 0.5) * mw / inputWidth - 0.5, mw, x, x0, x1, fx);
        }
        int[] y0 = new int[h];
        int[] y1 = new int[h];
        float[] fy = new float[h];
        for (int y = 0; y < h; y++) {
            Bilinear.sample(transform.toModelY(y + 0.5) * mh / inputHeight - 0.5, mh, y, y0, y1, fy);
        }
        boolean[] bitmap = new boolean[w * h];
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y++) {
            int r0 = off + y0[y] * mw;
            int r1 = off + y1[y] * mw;
            for (int x = 0; x < w; x++) {
                float top = d[r0 + x0[x]] + fx[x] * (d[r0 + x1[x]] - d[r0 + x0[x]]);
                float bottom = d[r1 + x0[x]] + fx[x] * (d[r1 + x1[x]] - d[r1 + x0[x]]);
                float m = (top + fy[y] * (bottom - top) - lo) / span;
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
}
