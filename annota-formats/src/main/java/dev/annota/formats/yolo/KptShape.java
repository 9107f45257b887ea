package dev.annota.formats.yolo;

import dev.annota.core.error.ValidationException;

/**
 * Ultralytics' {@code kpt_shape: [points, dims]}: each pose line carries {@code points} keypoints of
 * {@code dims} values, {@code x y} (dims 2, every point visible) or {@code x y v} (dims 3, COCO visibility).
 */
record KptShape(int points, int dims) {
    KptShape {
        if (points < 1) {
            throw ValidationException.of("kpt_shape[0]", points, "expected at least one keypoint");
        }
        if (dims != 2 && dims != 3) {
            throw ValidationException.of("kpt_shape[1]", dims, "expected 2 (x y) or 3 (x y visibility)");
        }
    }

    /** The number of values on a pose line, class included. */
    int lineLength() {
        return 5 + points * dims;
    }
}
