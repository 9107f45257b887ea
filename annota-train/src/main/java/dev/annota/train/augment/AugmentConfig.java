package dev.annota.train.augment;

/**
 * Random changes to training images, each off at its neutral value. Applied in this order: random resized crop
 * (area fraction in [{@code cropMinScale}, 1], aspect ratio in [3/4, 4/3]), horizontal / vertical flip (each
 * with probability 0.5), rotation (uniform in ±{@code rotationDegrees}), brightness / contrast / saturation
 * (factor uniform in 1 ± value, as torchvision's ColorJitter) and Gaussian noise ({@code noiseStd} as a
 * fraction of the 0–255 range).
 */
public record AugmentConfig(boolean horizontalFlip, boolean verticalFlip, double rotationDegrees, double cropMinScale,
        double brightness, double contrast, double saturation, double noiseStd) {
    public AugmentConfig {
        check("rotation", rotationDegrees, 0, 180);
        check("crop_min_scale", cropMinScale, 0.05, 1);
        check("brightness", brightness, 0, 1);
        check("contrast", contrast, 0, 1);
        check("saturation", saturation, 0, 1);
        check("noise", noiseStd, 0, 1);
    }

    private static void check(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException("augmentation '" + field + "': expected a value in [" + lo + ", " + hi + "], got " + v);
        }
    }

    public static AugmentConfig none() {
        return new AugmentConfig(false, false, 0, 1, 0, 0, 0, 0);
    }

    /** Horizontal flips, ±10°, crops of 80 % of the area or more, ±20 % brightness/contrast/saturation. */
    public static AugmentConfig light() {
        return new AugmentConfig(true, false, 10, 0.8, 0.2, 0.2, 0.2, 0);
    }

    public boolean isNone() {
        return equals(none());
    }
}
