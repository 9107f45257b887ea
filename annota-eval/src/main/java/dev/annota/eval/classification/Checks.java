package dev.annota.eval.classification;

import dev.annota.core.error.ValidationException;

/** Argument checks shared by the metrics, with errors that name the field, the position and the value. */
final class Checks {
    private Checks() {
    }

    static void sameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw ValidationException.of(b, nb + " values", "expected as many values as " + a + " (" + na + ")");
        }
    }

    static int index(String field, int sample, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw ValidationException.of(field + "[" + sample + "]", value,
                    "expected a label index in [0, " + (classes - 1) + "]");
        }
        return value;
    }

    static void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw ValidationException.of(field, p, "expected a probability in [0, 1]");
        }
    }

    static void nonEmpty(String field, int n) {
        if (n == 0) {
            throw ValidationException.of(field, "[]", "expected at least one sample");
        }
    }
}
