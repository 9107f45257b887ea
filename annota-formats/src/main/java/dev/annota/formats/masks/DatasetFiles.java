package dev.annota.formats.masks;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** File chores the mask-based writers share: atomic text files, image copies, image file names. */
public final class DatasetFiles {
    /** Extensions of the image files the mask-based readers look for, in the order they are tried. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "gif");

    private DatasetFiles() {
    }

    /** Writes {@code text} to {@code file} atomically (a {@code .partial} file beside it, then a move). */
    public static void writeText(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Copies the image at {@code source} to {@code target} (atomically); when there is no such file, warns
     * under {@code where}, field {@code image}, and copies nothing.
     */
    public static void copyImage(Path source, Path target, ImportReport report, String where) throws IOException {
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", source.toString(), "expected an image file to copy; only annotations written"));
            return;
        }
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The extension of a file name with its dot ({@code .jpg}), or {@code ""}. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return dot > slash + 1 ? fileName.substring(dot) : "";
    }

    /** True for a file name ending in one of {@link #IMAGE_EXTENSIONS}. */
    public static boolean isImage(String fileName) {
        String ext = extension(fileName).toLowerCase(Locale.ROOT);
        return !ext.isEmpty() && IMAGE_EXTENSIONS.contains(ext.substring(1));
    }

    /** {@code a/b.png} → {@code a/b}. */
    public static String stem(String relative) {
        String ext = extension(relative);
        return relative.substring(0, relative.length() - ext.length());
    }

    /** The path of {@code file} relative to {@code root} with {@code /} separators. */
    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
