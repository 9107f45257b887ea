package dev.annota.store.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file in the image store, ready to serve: where it is, its MIME type and its size. Stored files never
 * change (their name is their content hash), so the sha256 makes a strong ETag.
 */
public record StoredFile(Path path, String mimeType, long size, String sha256) {
    public StoredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The file's bytes; the caller closes the stream. */
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}
