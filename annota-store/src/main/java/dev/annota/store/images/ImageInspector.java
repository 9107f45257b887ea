package dev.annota.store.images;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Looks at an image file before it is accepted: its format from the magic bytes (a text file named
 * {@code .jpg} is refused), its size from the header without decoding, a pixel limit checked before any
 * pixel is decoded (decompression bombs are refused from their header), the EXIF orientation (sizes are
 * reported as displayed), a full decode that proves the data is whole, the perceptual hash of the upright
 * image, and the SHA-256 of the bytes.
 *
 * <p>Problems with the content are {@link ValidationException}s located at the file's name; only a failure
 * to read the file at all is an {@link IOException}. Thread-safe.
 */
public final class ImageInspector {
    /** The default pixel limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** The side, in pixels, that images are subsampled to (at least) before hashing. */
    static final int HASH_DECODE_SIDE = 256;

    private final long maxPixels;

    public ImageInspector() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageInspector(long maxPixels) {
        if (maxPixels < 1) {
            throw ValidationException.of("maxPixels", maxPixels, "expected a pixel limit >= 1");
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Inspects {@code file}; {@code name} is how errors call it (the uploaded name, a path in a zip…). */
    public ImageInfo inspect(Path file, String name) throws IOException {
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw new ValidationException(new FieldError(name, "content", "an empty file", "expected an image"));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        ImageFormat format = ImageFormat.sniff(head).orElseThrow(() -> new ValidationException(new FieldError(name, "format",
                describeHead(head), "expected a JPEG, PNG, GIF, BMP, TIFF or WebP image (recognised by its content, not its name)")));
        int[] stored = ImageReading.storedSize(file, format, name);
        long pixels = (long) stored[0] * stored[1];
        if (pixels > maxPixels) {
            throw new ValidationException(new FieldError(name, "pixels", stored[0] + "x" + stored[1] + " (" + pixels + " pixels)",
                    "expected an image of at most " + maxPixels + " pixels (" + maxPixels / 1_000_000.0 + " megapixels); it was not decoded"));
        }
        int orientation = Orientation.read(file);
        BufferedImage decoded = ImageReading.decode(file, format, name, HASH_DECODE_SIDE);
        long phash = PerceptualHash.of(Orientation.apply(decoded, orientation));
        boolean swap = Orientation.swapsSides(orientation);
        return new ImageInfo(sha256(file), format, swap ? stored[1] : stored[0], swap ? stored[0] : stored[1],
                orientation, phash, bytes);
    }

    /** The SHA-256 of a file's bytes as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What the first bytes look like, for the error: text is quoted, binary shown as hex. */
    private static String describeHead(byte[] head) {
        int n = Math.min(head.length, 16);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                text = false;
            }
        }
        if (text) {
            String s = new String(head, 0, n, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return "text starting '" + s + (head.length > n ? "…" : "") + "'";
        }
        StringBuilder sb = new StringBuilder("unknown content starting with bytes");
        for (int i = 0; i < Math.min(n, 8); i++) {
            sb.append(' ').append(String.format(Locale.ROOT, "%02X", head[i] & 0xFF));
        }
        return sb.toString();
    }
}
