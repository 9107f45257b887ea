package dev.annota.infer.decode;

import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy class-wise non-maximum suppression (hard NMS). */
public final class Nms {
    private Nms() {
    }

    /**
     * The best detections, keeping a detection only when its IoU with every kept detection of the same class
     * is at most {@code iou}; at most {@code topK}, best score first. {@code iou} = 1 keeps everything.
     */
    public static List<Detection> classWise(List<Detection> detections, double iou, int topK) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() >= topK) {
                break;
            }
            boolean keep = true;
            if (iou < 1) {
                for (Detection k : kept) {
                    if (k.label().index() == d.label().index() && iou(k.box(), d.box()) > iou) {
                        keep = false;
                        break;
                    }
                }
            }
            if (keep) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** Intersection over union of two boxes (0 for two empty boxes). */
    public static double iou(PixelBox a, PixelBox b) {
        double inter = a.intersectionArea(b);
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
