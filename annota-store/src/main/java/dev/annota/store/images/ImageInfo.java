package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What inspection found out about one image file.
 *
 * @param sha256      the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param format      the format found from the content
 * @param width       the width as displayed (EXIF orientation applied: swapped for orientations 5–8)
 * @param height      the height as displayed
 * @param orientation the EXIF orientation, 1 (none) to 8
 * @param phash       the 64-bit perceptual hash (see {@link PerceptualHash})
 * @param bytes       the file size
 */
public record ImageInfo(String sha256, ImageFormat format, int width, int height, int orientation, long phash, long bytes) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ImageInfo {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ValidationException.of("sha256", sha256, "expected 64 lower-case hexadecimal digits");
        }
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw ValidationException.of("size", width + "x" + height, "expected a positive image size");
        }
        Orientation.check(orientation);
        if (bytes < 0) {
            throw ValidationException.of("bytes", bytes, "expected a file size >= 0");
        }
    }
}
