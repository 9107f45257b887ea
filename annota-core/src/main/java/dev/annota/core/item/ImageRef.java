package dev.annota.core.item;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an item's image is, as written in the dataset: a relative or absolute path or a URI string, never
 * resolved or read here. The size and content hash are known for some sources (COCO gives the size, a
 * content-addressed store the hash) and empty otherwise.
 *
 * @param location a non-blank path or URI
 * @param size     the pixel size, when known
 * @param sha256   the SHA-256 of the file's bytes as 64 hex digits (stored lower-case), when known
 */
public record ImageRef(String location, Optional<ImageSize> size, Optional<String> sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ImageRef {
        if (location == null || location.isBlank()) {
            throw ValidationException.of("image", location, "expected a non-blank image path or URI");
        }
        Objects.requireNonNull(size, "size");
        sha256 = sha256.map(h -> h.toLowerCase(Locale.ROOT));
        if (sha256.isPresent() && !SHA256.matcher(sha256.get()).matches()) {
            throw ValidationException.of("sha256", sha256.get(), "expected 64 hexadecimal digits");
        }
    }

    /** An image known only by its location. */
    public static ImageRef of(String location) {
        return new ImageRef(location, Optional.empty(), Optional.empty());
    }

    /** An image whose size is known. */
    public static ImageRef of(String location, ImageSize size) {
        return new ImageRef(location, Optional.of(size), Optional.empty());
    }

    public ImageRef withSize(ImageSize newSize) {
        return new ImageRef(location, Optional.of(newSize), sha256);
    }

    public ImageRef withSha256(String newSha256) {
        return new ImageRef(location, size, Optional.of(newSha256));
    }
}
