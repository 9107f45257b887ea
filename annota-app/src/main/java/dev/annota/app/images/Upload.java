package dev.annota.app.images;

import dev.annota.core.error.ValidationException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One uploaded file as a multipart request gives it: the name the client sent and its content, read once.
 * Only the last path segment of the name is kept (a client may send {@code C:\photos\a.jpg}).
 */
public record Upload(String fileName, InputStream content) {
    public Upload {
        if (fileName == null || fileName.isBlank()) {
            throw ValidationException.of("fileName", fileName, "expected the name of the uploaded file");
        }
        String n = fileName.replace('\\', '/');
        fileName = n.substring(n.lastIndexOf('/') + 1).strip();
        if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..")) {
            throw ValidationException.of("fileName", n, "expected a file name, not a folder");
        }
        Objects.requireNonNull(content, "content");
    }
}
