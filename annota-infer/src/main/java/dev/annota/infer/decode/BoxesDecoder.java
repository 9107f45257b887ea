package dev.annota.infer.decode;

import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.Detection;
import dev.annota.infer.Prediction;
import dev.annota.infer.descriptor.BoxFormat;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SSD-style scores {@code [N, A, C]} and decoded boxes {@code [N, A, 4]}: every non-background class above the threshold, class-wise NMS. */
final class BoxesDecoder implements OutputDecoder {
    private final OutputSpec.Boxes spec;
    private final int inputWidth;
    private final int inputHeight;
    private final Decoders.Labels labels;

    BoxesDecoder(OutputSpec.Boxes spec, int inputWidth, int inputHeight, Decoders.Labels labels) {
        this.spec = spec;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.labels = labels;
    }

    @Override
    public Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post) {
        OutputTensor scores = Decoders.get(outputs, spec.scores(), labels.model());
        OutputTensor boxes = Decoders.get(outputs, spec.boxes(), labels.model());
        if (scores.rank() != 3) {
            throw scores.mismatch(labels.model(), "[N, anchors, classes]");
        }
        int anchors = scores.dim(1);
        int classes = scores.dim(2);
        if (boxes.rank() != 3 || boxes.dim(1) != anchors || boxes.dim(2) != 4) {
            throw boxes.mismatch(labels.model(), "[N, " + anchors + ", 4]");
        }
        labels.expect(classes, scores);
        double sx = spec.format() == BoxFormat.XYXY_NORMALIZED ? inputWidth : 1;
        double sy = spec.format() == BoxFormat.XYXY_NORMALIZED ? inputHeight : 1;
        int bg = spec.background().orElse(-1);
        float[] s = scores.data();
        float[] b = boxes.data();
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int row = (item * anchors + a) * classes;
            for (int c = 0; c < classes; c++) {
                if (c == bg || s[row + c] < post.scoreThreshold()) {
                    continue;
                }
                int at = (item * anchors + a) * 4;
                PixelBox box = PixelBox.fromCorners(transform.toOriginalX(b[at] * sx), transform.toOriginalY(b[at + 1] * sy),
                        transform.toOriginalX(b[at + 2] * sx), transform.toOriginalY(b[at + 3] * sy));
                candidates.add(new Detection(labels.get(c), s[row + c], box));
            }
        }
        return Prediction.ofDetections(transform.original(),
                YoloxDecoder.clip(Nms.classWise(candidates, post.nmsIou(), post.topK()), transform));
    }
}
