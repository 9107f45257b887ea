package dev.annota.formats.yolo;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic file output for the YOLO writers: each file is written beside its target, then moved into place. */
final class YoloFiles {
    private YoloFiles() {
    }

    static Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = partial(target);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        moveIntoPlace(tmp, target);
    }

    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies the image at {@code source} to {@code target}; a missing source is a warning (labels are still written). */
    static void copyImage(Path source, Path target, String where, ImportReport report) throws IOException {
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", source.toString(), "expected an image file to copy; only its labels are written"));
            return;
        }
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path tmp = partial(target);
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        moveIntoPlace(tmp, target);
    }

    /** A subset name as a file or folder name part. */
    static String safeName(String subset) {
        return subset.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
