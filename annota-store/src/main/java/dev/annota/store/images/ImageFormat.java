package dev.annota.store.images;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Annota accepts, recognised from the first bytes of the content (never from a file name),
 * each with its MIME type, the extension used in the store, and the ImageIO format name of its reader.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    BMP("image/bmp", "bmp", "bmp"),
    TIFF("image/tiff", "tif", "tiff"),
    WEBP("image/webp", "webp", "webp");

    /** How many leading bytes {@link #sniff} needs. */
    public static final int MAGIC_BYTES = 12;

    private final String mimeType;
    private final String extension;
    private final String imageIoName;

    ImageFormat(String mimeType, String extension, String imageIoName) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.imageIoName = imageIoName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The extension of stored files, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name ImageIO knows the format by. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The lower-case name stored in the database ({@code jpeg}, {@code png}…). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format stored under {@link #key()}. */
    public static Optional<ImageFormat> fromKey(String key) {
        for (ImageFormat f : values()) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format whose magic number starts {@code head}; empty when none does. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 'B', 'M') && head.length >= 14) {
            return Optional.of(BMP);
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
