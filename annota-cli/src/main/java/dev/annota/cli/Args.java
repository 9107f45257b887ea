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

    /**
     * A size in bytes: a whole number with an optional unit, {@code B}, {@code KB}/{@code MB}/{@code GB}/{@code TB}
     * (powers of 1000) or {@code KiB}/{@code MiB}/{@code GiB}/{@code TiB} (powers of 1024), case-insensitive:
     * {@code 500MB}, {@code 2GiB}, {@code 1048576}.
     */
    static long bytes(String option, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,19})\\s*([a-z]*)")
                .matcher(value.trim().toLowerCase(java.util.Locale.ROOT));
        String expected = "expected a size like 500MB, 2GiB or 1048576 (units B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)";
        if (!m.matches()) {
            throw ValidationException.of(option, value, expected);
        }
        long unit = switch (m.group(2)) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "tb" -> 1000L * 1000 * 1000 * 1000;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw ValidationException.of(option, value, expected);
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw ValidationException.of(option, value, "expected a size below 8 EiB");
        }
    }
}
