package dev.annota.cli;

import dev.annota.core.error.ValidationException;

/** Parsing of option values that picocli cannot type on its own, with errors that name the option. */
final class Args {
    private Args() {
    }

    /** {@code 640x480} → {@code {640, 480}}. */
    static int[] size(String option, String value) {
        String[] parts = value.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length == 2) {
            try {
                int w = Integer.parseInt(parts[0].trim()), h = Integer.parseInt(parts[1].trim());
                if (w > 0 && h > 0) {
                    return new int[] {w, h};
                }
            } catch (NumberFormatException e) {
                // falls through to the error below, which names the option and the value
            }
        }
        throw ValidationException.of(option, value, "expected WIDTHxHEIGHT with positive integers, e.g. 640x480");
    }

    /** {@code fail} or {@code collect}. */
    static dev.annota.formats.ErrorPolicy onError(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail" -> dev.annota.formats.ErrorPolicy.FAIL_FAST;
            case "collect" -> dev.annota.formats.ErrorPolicy.COLLECT;
            default -> throw ValidationException.of("--on-error", value, "expected fail or collect");
        };
    }
}
