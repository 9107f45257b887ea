package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;

/** Argument checks shared by the shape records. */
final class Shapes {
    private Shapes() {
    }

    static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw ValidationException.of(field, v, "expected a finite number");
        }
    }

    static void positive(String field, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw ValidationException.of(field, v, "expected a finite number > 0");
        }
    }
}
