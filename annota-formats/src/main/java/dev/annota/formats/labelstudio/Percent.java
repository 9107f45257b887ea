package dev.annota.formats.labelstudio;

/**
 * Label Studio's coordinates: percentages (0–100) of the image width or height. A pixel value written as a
 * percentage and read back can differ in its last bits; the reader therefore snaps a value lying within
 * {@value #SNAP_ULPS} units in the last place (of max(1, |value|)) of a multiple of 1/1024 px onto it, so that
 * coordinates on such a grid (whole, half, quarter… pixels) survive a round trip exactly. Other values keep
 * full double precision (a value that is not on the grid is this close to it with a chance of about 1e-9).
 */
final class Percent {
    static final int SNAP_ULPS = 64;
    private static final double GRID = 1024;

    private Percent() {
    }

    /** Pixels from a percentage of {@code side}, snapped as described above. */
    static double toPixels(double percent, int side) {
        return snap(rawPixels(percent, side));
    }

    /** Pixels from a percentage of {@code side}, not snapped (for values that are combined further). */
    static double rawPixels(double percent, int side) {
        return percent * side / 100.0;
    }

    static double toPercent(double pixels, int side) {
        return pixels * 100.0 / side;
    }

    static double snap(double v) {
        double g = Math.rint(v * GRID) / GRID;
        return Math.abs(g - v) <= SNAP_ULPS * Math.ulp(Math.max(1.0, Math.abs(v))) ? g : v;
    }
}
