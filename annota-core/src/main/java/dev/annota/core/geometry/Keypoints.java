package dev.annota.core.geometry;

import java.util.List;

/**
 * The keypoints of one object, in the order of its skeleton's points (the schema names them). COCO's flat
 * {@code [x1,y1,v1,...]} converts to and from this.
 */
public record Keypoints(List<Keypoint> points) {
    public Keypoints {
        points = List.copyOf(points);
    }

    /** From COCO's flat triples {@code [x1,y1,v1, x2,y2,v2, ...]}. */
    public static Keypoints fromFlat(double[] xyv) {
        if (xyv.length % 3 != 0) {
            throw dev.annota.core.error.ValidationException.of("keypoints", xyv.length + " numbers",
                    "expected a multiple of 3 numbers (x, y, visibility triples)");
        }
        Keypoint[] pts = new Keypoint[xyv.length / 3];
        for (int i = 0; i < pts.length; i++) {
            double v = xyv[3 * i + 2];
            if (v != Math.rint(v)) {
                throw dev.annota.core.error.ValidationException.of("keypoints[" + (3 * i + 2) + "]", v,
                        "expected a visibility of 0, 1 or 2");
            }
            pts[i] = new Keypoint(new Point(xyv[3 * i], xyv[3 * i + 1]), Visibility.ofCode((int) v));
        }
        return new Keypoints(List.of(pts));
    }

    public double[] toFlat() {
        double[] out = new double[points.size() * 3];
        for (int i = 0; i < points.size(); i++) {
            Keypoint k = points.get(i);
            out[3 * i] = k.position().x();
            out[3 * i + 1] = k.position().y();
            out[3 * i + 2] = k.visibility().code();
        }
        return out;
    }

    public int size() {
        return points.size();
    }

    /** How many keypoints are labelled (COCO's {@code num_keypoints}). */
    public int labelledCount() {
        return (int) points.stream().filter(k -> k.visibility().isLabelled()).count();
    }

    /** The tight box around the labelled keypoints (an empty box when none is labelled). */
    public PixelBox boundingBox() {
        return Bounds.of(points.stream().filter(k -> k.visibility().isLabelled()).map(Keypoint::position).toList());
    }
}
