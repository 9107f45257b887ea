package dev.annota.train;

import dev.annota.core.error.ValidationException;

/**
 * The one range check for configuration values: a value outside its range is a {@link ValidationException} naming the
 * field, the value and the range (so the CLI exits 2 and the server answers 400).
 */
final class Ranges {
    private Ranges() {
    }

    /** {@code min <= value <= max}. */
    static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw ValidationException.of(field, fmt(value), "expected " + fmt(min) + " to " + fmt(max));
        }
    }

    /** {@code min <= value < max}, or {@code min < value < max} with {@code exclusiveMin}. */
    static void checkOpen(String field, double value, double min, boolean exclusiveMin, double max) {
        boolean low = exclusiveMin ? value > min : value >= min;
        if (!(low && value < max)) {
            throw ValidationException.of(field, fmt(value), (exclusiveMin ? "expected more than " : "expected at least ") + fmt(min)
                    + (Double.isInfinite(max) ? "" : " and less than " + fmt(max)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
