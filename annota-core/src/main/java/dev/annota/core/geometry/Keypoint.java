package dev.annota.core.geometry;

import java.util.Objects;

/** One keypoint: a position and its {@link Visibility}. An absent keypoint's position carries no meaning (COCO writes 0,0). */
public record Keypoint(Point position, Visibility visibility) {
    public Keypoint {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(visibility, "visibility");
    }

    public static Keypoint absent() {
        return new Keypoint(new Point(0, 0), Visibility.ABSENT);
    }

    public static Keypoint visible(double x, double y) {
        return new Keypoint(new Point(x, y), Visibility.VISIBLE);
    }

    public static Keypoint occluded(double x, double y) {
        return new Keypoint(new Point(x, y), Visibility.OCCLUDED);
    }
}
