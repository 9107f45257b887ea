package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A 3-D box drawn in the image plane, as CVAT draws it: a front face and a back face of 4 points each, each
 * face in the order top-left, bottom-left, top-right, bottom-right of the face (CVAT's xtl1/ybl1… order is
 * converted by the CVAT format).
 */
public record Cuboid2D(List<Point> front, List<Point> back) {
    public Cuboid2D {
        if (front.size() != 4) {
            throw ValidationException.of("front", front.size() + " points", "expected 4 points on the front face");
        }
        if (back.size() != 4) {
            throw ValidationException.of("back", back.size() + " points", "expected 4 points on the back face");
        }
        front = List.copyOf(front);
        back = List.copyOf(back);
    }

    /** All 8 points, front face first. */
    public List<Point> points() {
        List<Point> all = new ArrayList<>(front);
        all.addAll(back);
        return List.copyOf(all);
    }

    public PixelBox boundingBox() {
        return Bounds.of(points());
    }
}
