package dev.annota.testkit.shapes;

import java.util.List;

/** The five shape classes of a shapes scene, each with the names of its keypoints in skeleton order. */
public enum ShapeClass {
    CIRCLE(List.of("centre")),
    RECTANGLE(List.of("corner1", "corner2", "corner3", "corner4")),
    TRIANGLE(List.of("vertex1", "vertex2", "vertex3")),
    STAR(List.of("tip1", "tip2", "tip3", "tip4", "tip5")),
    ELLIPSE(List.of("centre"));

    private final List<String> keypointNames;

    ShapeClass(List<String> keypointNames) {
        this.keypointNames = keypointNames;
    }

    /** The class name as it appears in ground truth: {@code circle}, {@code rectangle}, {@code triangle}, {@code star}, {@code ellipse}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The names of this class's keypoints, in the order of {@link ShapeObject#keypoints()}. */
    public List<String> keypointNames() {
        return keypointNames;
    }

    /** The class whose {@link #label()} is {@code label}. */
    public static ShapeClass ofLabel(String label) {
        for (ShapeClass c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw dev.annota.core.error.ValidationException.of("class", label,
                "expected one of circle, rectangle, triangle, star, ellipse");
    }
}
