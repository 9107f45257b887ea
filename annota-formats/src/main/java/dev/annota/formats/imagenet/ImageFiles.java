package dev.annota.formats.imagenet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What counts as an image file in folder layouts (ImageNet class folders, Ultralytics classify and detect
 * folders, CSV lists): the extensions torchvision's ImageFolder and Ultralytics accept. Shared by the
 * folder-based formats so that they agree on which files are images.
 */
public final class ImageFiles {
    /** Lower-case extensions without the dot. */
    public static final Set<String> EXTENSIONS = Set.of(
            "jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp", "ppm", "pgm", "pbm", "dng", "mpo", "heic");

    private ImageFiles() {
    }

    /** True when the name ends with an image extension (case-insensitive). */
    public static boolean hasImageExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** True for a regular, non-hidden file with an image extension. */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && hasImageExtension(name) && Files.isRegularFile(file);
    }

    /** Every image under {@code folder}, at any depth, in a stable (sorted) order; hidden folders are skipped. */
    public static List<Path> under(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !hidden(folder.relativize(p))).filter(ImageFiles::isImage).sorted().toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** {@code a/b.jpg} → {@code a/b}: a path without its extension, with forward slashes. */
    public static String stem(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        return dot > slash + 1 ? p.substring(0, dot) : p;
    }

    /** {@code .jpg} for {@code a/b.jpg}; empty when the name has no extension. */
    public static String extension(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        return dot > slash + 1 ? p.substring(dot) : "";
    }

    /** {@code relative} with forward slashes, as dataset files write paths. */
    public static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
