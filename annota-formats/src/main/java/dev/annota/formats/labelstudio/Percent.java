package dev.annota.formats.labelstudio;

/**
 * Label Studio's coordinates: percentages (0–100) of the image width or height. A pixel value written as a
 * percentage and read back can differ in its last bits; the reader therefore snaps a value lying within
 * {@value #SNAP_TOLERANCE} px of a multiple of 1/1024 px onto it, so that coordinates on such a grid (whole,
 * half, quarter… pixels) survive a round trip exactly. Other values keep full double precision.
 */
final class Percent {
    static final double SNAP_TOLERANCE = 1e-7;
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
        return Math.abs(g - v) <= SNAP_TOLERANCE ? g : v;
    }
}
