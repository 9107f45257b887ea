package dev.annota.infer.decode;

import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.Detection;
import dev.annota.infer.Prediction;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YOLOX head: for anchor point (gx, gy) of stride s, centre {@code ((dx+gx)·s, (dy+gy)·s)}, size
 * {@code (e^lw·s, e^lh·s)}; score = objectness × best class score; class-wise NMS in original pixels.
 */
final class YoloxDecoder implements OutputDecoder {
    private final OutputSpec.Yolox spec;
    private final Decoders.Labels labels;
    private final int[] gridX;
    private final int[] gridY;
    private final int[] strideOf;

    YoloxDecoder(OutputSpec.Yolox spec, int inputWidth, int inputHeight, Decoders.Labels labels) {
        this.spec = spec;
        this.labels = labels;
        int n = 0;
        for (int s : spec.strides()) {
            n += (inputWidth / s) * (inputHeight / s);
        }
        gridX = new int[n];
        gridY = new int[n];
        strideOf = new int[n];
        int k = 0;
        for (int s : spec.strides()) {
            for (int gy = 0; gy < inputHeight / s; gy++) {
                for (int gx = 0; gx < inputWidth / s; gx++, k++) {
                    gridX[k] = gx;
                    gridY[k] = gy;
                    strideOf[k] = s;
                }
            }
        }
    }

    @Override
    public Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post) {
        OutputTensor t = Decoders.get(outputs, spec.name(), labels.model());
        if (t.rank() != 3 || t.dim(1) != gridX.length || t.dim(2) < 6) {
            throw t.mismatch(labels.model(), "[N, " + gridX.length + ", 5 + classes] for strides " + spec.strides());
        }
        int width = t.dim(2);
        int classes = width - 5;
        labels.expect(classes, t);
        float[] d = t.data();
        List<Detection> candidates = new ArrayList<>();
        for (int k = 0; k < gridX.length; k++) {
            int row = (item * gridX.length + k) * width;
            float obj = d[row + 4];
            if (obj < post.scoreThreshold()) {
                continue; // score = obj · p ≤ obj
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (d[row + 5 + c] > d[row + 5 + best]) {
                    best = c;
                }
            }
            double score = obj * d[row + 5 + best];
            if (score < post.scoreThreshold()) {
                continue;
            }
            int s = strideOf[k];
            double cx = (d[row] + gridX[k]) * s;
            double cy = (d[row + 1] + gridY[k]) * s;
            double w = Math.exp(d[row + 2]) * s;
            double h = Math.exp(d[row + 3]) * s;
            PixelBox box = PixelBox.fromCorners(transform.toOriginalX(cx - w / 2), transform.toOriginalY(cy - h / 2),
                    transform.toOriginalX(cx + w / 2), transform.toOriginalY(cy + h / 2));
            candidates.add(new Detection(labels.get(best), score, box));
        }
        return Prediction.ofDetections(transform.original(), clip(Nms.classWise(candidates, post.nmsIou(), post.topK()), transform));
    }

    static List<Detection> clip(List<Detection> ds, InputTransform t) {
        return ds.stream().map(x -> new Detection(x.label(), x.score(), x.box().clip(t.original()))).toList();
    }
}
