package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuses the members of one cluster (same kind and label, at most one per annotator) into one annotation; see the
 * package description for each kind. The fused annotation keeps the attributes of the heaviest member and is a
 * human annotation with no confidence.
 */
final class Fusion {
    private Fusion() {
    }

    static Annotation fuse(List<Annotation> members, double[] weights, Similarity similarity) {
        Annotation first = members.get(heaviest(weights));
        AnnotationInfo info = first.info().withSource(Source.human()).withoutConfidence();
        if (members.size() == 1) {
            return first.withInfo(info);
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (first instanceof BoxAnnotation) {
            double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            for (int i = 0; i < members.size(); i++) {
                PixelBox b = ((BoxAnnotation) members.get(i)).box();
                x1 += weights[i] * b.x();
                y1 += weights[i] * b.y();
                x2 += weights[i] * b.x2();
                y2 += weights[i] * b.y2();
            }
            return new BoxAnnotation(info, PixelBox.fromCorners(x1 / total, y1 / total, x2 / total, y2 / total));
        }
        if (first instanceof RotatedBoxAnnotation) {
            double[] m = means(members, weights, total, a -> {
                RotatedBox r = ((RotatedBoxAnnotation) a).box();
                return new double[] {r.cx(), r.cy(), r.width(), r.height(), r.angleDegrees()};
            });
            return new RotatedBoxAnnotation(info, new RotatedBox(m[0], m[1], m[2], m[3], m[4]));
        }
        if (first instanceof EllipseAnnotation) {
            double[] m = means(members, weights, total, a -> {
                Ellipse e = ((EllipseAnnotation) a).ellipse();
                return new double[] {e.cx(), e.cy(), e.rx(), e.ry(), e.angleDegrees()};
            });
            return new EllipseAnnotation(info, new Ellipse(m[0], m[1], m[2], m[3], m[4]));
        }
        if (first instanceof MaskAnnotation) {
            return new MaskAnnotation(info, majority(members, weights, total, similarity));
        }
        if (first instanceof PolygonAnnotation) {
            Rle majority = majority(members, weights, total, similarity);
            int best = 0;
            double bestIou = -1;
            for (int i = 0; i < members.size(); i++) {
                double iou = dev.annota.core.geometry.Iou.masks(similarity.mask(members.get(i)), majority);
                if (iou > bestIou) {
                    bestIou = iou;
                    best = i;
                }
            }
            return members.get(best).withInfo(info);
        }
        if (first instanceof KeypointsAnnotation k) {
            return new KeypointsAnnotation(info, keypoints(members, weights, total, k.keypoints().size()));
        }
        return members.get(medoid(members, similarity)).withInfo(info);
    }

    /** Weighted means of five numbers whose last is an angle in degrees, averaged on its 180° period. */
    private static double[] means(List<Annotation> members, double[] weights, double total,
                                  java.util.function.Function<Annotation, double[]> values) {
        double[] m = new double[4];
        double sin = 0, cos = 0;
        for (int i = 0; i < members.size(); i++) {
            double[] v = values.apply(members.get(i));
            for (int j = 0; j < 4; j++) {
                m[j] += weights[i] * v[j] / total;
            }
            double twice = Math.toRadians(v[4] * 2);
            sin += weights[i] * Math.sin(twice);
            cos += weights[i] * Math.cos(twice);
        }
        double angle = Math.toDegrees(Math.atan2(sin, cos)) / 2;
        return new double[] {m[0], m[1], m[2], m[3], angle};
    }

    /** Pixels set in members holding more than half of the cluster's weight. */
    private static Rle majority(List<Annotation> members, double[] weights, double total, Similarity similarity) {
        Rle firstMask = similarity.mask(members.get(0));
        int h = firstMask.height(), w = firstMask.width();
        double[] votes = new double[h * w];
        for (int i = 0; i < members.size(); i++) {
            boolean[] bits = similarity.mask(members.get(i)).toBitmap();
            for (int p = 0; p < bits.length; p++) {
                if (bits[p]) {
                    votes[p] += weights[i];
                }
            }
        }
        boolean[] out = new boolean[h * w];
        for (int p = 0; p < out.length; p++) {
            out[p] = votes[p] > total / 2;
        }
        return Rle.fromBitmap(out, h, w);
    }

    private static Keypoints keypoints(List<Annotation> members, double[] weights, double total, int n) {
        List<Keypoint> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double labelled = 0, visible = 0, x = 0, y = 0;
            for (int i = 0; i < members.size(); i++) {
                Keypoint p = ((KeypointsAnnotation) members.get(i)).keypoints().points().get(j);
                if (p.visibility().isLabelled()) {
                    labelled += weights[i];
                    x += weights[i] * p.position().x();
                    y += weights[i] * p.position().y();
                    visible += p.visibility() == Visibility.VISIBLE ? weights[i] : 0;
                }
            }
            if (labelled > total / 2) {
                out.add(new Keypoint(new dev.annota.core.geometry.Point(x / labelled, y / labelled),
                        visible > labelled / 2 ? Visibility.VISIBLE : Visibility.OCCLUDED));
            } else {
                out.add(Keypoint.absent());
            }
        }
        return new Keypoints(out);
    }

    private static int medoid(List<Annotation> members, Similarity similarity) {
        int best = 0;
        double bestSum = -1;
        for (int i = 0; i < members.size(); i++) {
            double sum = 0;
            for (int j = 0; j < members.size(); j++) {
                sum += i == j ? 0 : similarity.of(members.get(i), members.get(j));
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = i;
            }
        }
        return best;
    }

    private static int heaviest(double[] weights) {
        int best = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i] > weights[best]) {
                best = i;
            }
        }
        return best;
    }
}
