package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;

/** Argument checks shared by the geometry records. */
final class Checks {
    private Checks() {
    }

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw ValidationException.of(field, v, "expected a finite number");
        }
        return v;
    }

    static double nonNegative(String field, double v) {
        finite(field, v);
        if (v < 0) {
            throw ValidationException.of(field, v, "expected a number >= 0");
        }
        return v;
    }
}
