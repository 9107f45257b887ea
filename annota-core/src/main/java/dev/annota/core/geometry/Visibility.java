package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;

/** Visibility of a keypoint, with COCO's codes: 0 absent (not labelled), 1 labelled but occluded, 2 visible. */
public enum Visibility {
    ABSENT(0), OCCLUDED(1), VISIBLE(2);

    private final int code;

    Visibility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Visibility ofCode(int code) {
        return switch (code) {
            case 0 -> ABSENT;
            case 1 -> OCCLUDED;
            case 2 -> VISIBLE;
            default -> throw ValidationException.of("visibility", code, "expected 0 (absent), 1 (occluded) or 2 (visible)");
        };
    }

    /** True for keypoints that were labelled (occluded or visible). */
    public boolean isLabelled() {
        return this != ABSENT;
    }
}
