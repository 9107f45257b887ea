package dev.annota.store.images;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One image of a project, as the database holds it.
 *
 * @param width       the width as displayed (EXIF orientation applied)
 * @param height      the height as displayed
 * @param orientation the EXIF orientation of the stored file (1–8); the thumbnail applies it
 * @param sourcePath  where it came from (an uploaded name, a path in a folder or zip), when known
 * @param metadata    free key/value pairs, sorted by key
 * @param importId    the import that added it, when it came with one
 */
public record ImageRecord(String id, String projectId, String sha256, String fileName, int width, int height,
                          ImageFormat format, int orientation, long phash, Optional<String> sourcePath, String split,
                          Map<String, String> metadata, Instant createdAt, Optional<String> importId) {
    public ImageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        Orientation.check(orientation);
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(split, "split");
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(importId, "importId");
    }
}
