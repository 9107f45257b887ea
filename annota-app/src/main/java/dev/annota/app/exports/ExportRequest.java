package dev.annota.app.exports;

import dev.annota.core.error.ValidationException;
import dev.annota.store.images.ImageFilter;
import java.util.Objects;

/**
 * What to export: the format (a writable format of the registry, e.g. {@code coco}), whether the zip holds the
 * image files too, and which of the project's images ({@link ImageFilter#all()} for every one).
 */
public record ExportRequest(String format, boolean includeImages, ImageFilter filter) {
    public ExportRequest {
        if (format == null || format.isBlank()) {
            throw ValidationException.of("format", format, "expected the name of a format, e.g. coco");
        }
        Objects.requireNonNull(filter, "filter");
    }
}
