package dev.annota.eval.coco;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Iou;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.Oks;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import java.util.ArrayList;
import java.util.List;

/**
 * COCOeval's {@code computeIoU} / {@code computeOks} for the ground truths and (sorted, cut) detections of one
 * image and category: box IoU ({@link Iou#boxMatrix}), mask IoU ({@link RleOps#iouMatrix}, masks from
 * {@link Masks}) or OKS ({@link Oks#compute}), {@code [detection][groundTruth]}. Crowd ground truths score
 * intersection / detection area. Masks of one category are built once and cached here.
 */
final class PairScores {
    private final EvalInput in;
    private final IouType type;
    private final double[] sigmas;
    private final Rle[] gtMasks;
    private final Rle[] dtMasks;

    PairScores(EvalInput in) {
        this.in = in;
        this.type = in.params.iouType();
        this.sigmas = in.params.sigmas();
        boolean segm = type == IouType.SEGM;
        this.gtMasks = segm ? new Rle[in.gts.size()] : null;
        this.dtMasks = segm ? new Rle[in.dts.size()] : null;
    }

    /**
     * The scores of detections {@code dt[0, nd)} against ground truths {@code gt[0, ng)} (positions into the
     * input lists); {@code null} when either side is empty (pycocotools' {@code []}).
     */
    double[][] compute(int[] gt, int ng, int[] dt, int nd) {
        if (ng == 0 || nd == 0) {
            return null;
        }
        boolean[] crowd = new boolean[ng];
        for (int j = 0; j < ng; j++) {
            crowd[j] = in.gts.get(gt[j]).crowd();
        }
        return switch (type) {
            case BBOX -> Iou.boxMatrix(dtBoxes(dt, nd), gtBoxes(gt, ng), crowd);
            case SEGM -> RleOps.iouMatrix(dtMasks(dt, nd), gtMasks(gt, ng), crowd);
            case KEYPOINTS -> oks(gt, ng, dt, nd);
        };
    }

    private List<PixelBox> gtBoxes(int[] gt, int ng) {
        List<PixelBox> out = new ArrayList<>(ng);
        for (int j = 0; j < ng; j++) {
            out.add(gtBox(gt[j]));
        }
        return out;
    }

    private List<PixelBox> dtBoxes(int[] dt, int nd) {
        List<PixelBox> out = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            out.add(in.dts.get(dt[i]).box());
        }
        return out;
    }

    private PixelBox gtBox(int g) {
        GroundTruthObject o = in.gts.get(g);
        return o.box().orElseThrow(() -> missing(o, "bbox", "expected a bbox [x, y, w, h] on every ground truth"));
    }

    private List<Rle> gtMasks(int[] gt, int ng) {
        List<Rle> out = new ArrayList<>(ng);
        for (int j = 0; j < ng; j++) {
            int g = gt[j];
            if (gtMasks[g] == null) {
                GroundTruthObject o = in.gts.get(g);
                Segmentation s = o.segmentation().orElseThrow(() -> missing(o, "segmentation",
                        "expected a segmentation on every ground truth for segm evaluation"));
                gtMasks[g] = locate(o, () -> Masks.toRle(s, in.images[in.gtImage[g]]));
            }
            out.add(gtMasks[g]);
        }
        return out;
    }

    private List<Rle> dtMasks(int[] dt, int nd) {
        List<Rle> out = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            int d = dt[i];
            if (dtMasks[d] == null) {
                Detection o = in.dts.get(d);
                CocoImage image = in.images[in.dtImage[d]];
                dtMasks[d] = o.segmentation().isPresent() ? Masks.toRle(o.segmentation().get(), image)
                        : Masks.ofBox(o.box(), image);
            }
            out.add(dtMasks[d]);
        }
        return out;
    }

    private double[][] oks(int[] gt, int ng, int[] dt, int nd) {
        double[][] out = new double[nd][ng];
        for (int j = 0; j < ng; j++) {
            GroundTruthObject g = in.gts.get(gt[j]);
            Keypoints kg = g.keypoints().orElseThrow(() -> missing(g, "keypoints",
                    "expected keypoints on every ground truth for keypoint evaluation"));
            PixelBox box = gtBox(gt[j]);
            for (int i = 0; i < nd; i++) {
                Detection d = in.dts.get(dt[i]);
                Keypoints kd = d.keypoints().orElseThrow(() -> new ValidationException(new FieldError(
                        "/" + (d.id() - 1), "keypoints", null, "expected keypoints on every result for keypoint evaluation")));
                out[i][j] = locate(g, () -> Oks.compute(kg, g.area(), box, kd, sigmas));
            }
        }
        return out;
    }

    private static <T> T locate(GroundTruthObject o, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw e.at("ground truth annotation id " + o.id());
        }
    }

    private static ValidationException missing(GroundTruthObject o, String field, String expected) {
        return new ValidationException(new FieldError("ground truth annotation id " + o.id(), field, null, expected));
    }
}
