package dev.annota.app.quality;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.eval.agreement.Shape;
import dev.annota.eval.agreement.ShapeAgreement;
import java.util.HashSet;
import java.util.List;

/**
 * How well one answer matches a gold image's known answer, in [0, 1]: the mean of the parts that apply — tags
 * (1 when the set of tags is the same, else 0) and objects (F1 of the objects matched one-to-one with the known
 * ones of the same kind and label at the IoU threshold). An answer and a known answer that are both empty score 1.
 */
final class GoldScore {
    private GoldScore() {
    }

    static double of(List<Annotation> answer, List<Annotation> known, ImageSize size, double iouThreshold) {
        double sum = 0;
        int parts = 0;
        List<Integer> a = TagRatings.tags(answer), k = TagRatings.tags(known);
        if (!a.isEmpty() || !k.isEmpty()) {
            sum += new HashSet<>(a).equals(new HashSet<>(k)) ? 1 : 0;
            parts++;
        }
        List<Shape> sa = Regions.shapes("gold", answer, size), sk = Regions.shapes("gold", known, size);
        if (!sa.isEmpty() || !sk.isEmpty()) {
            ShapeAgreement.Result r = ShapeAgreement.compare(sa, sk, ShapeAgreement.Matching.HUNGARIAN, iouThreshold);
            sum += 2.0 * r.matched() / (sa.size() + sk.size());
            parts++;
        }
        return parts == 0 ? 1 : sum / parts;
    }
}
