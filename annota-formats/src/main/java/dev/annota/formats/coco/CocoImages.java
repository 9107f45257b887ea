package dev.annota.formats.coco;

import dev.annota.formats.SafePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the image of a COCO {@code file_name} is, and the item id it gives, shared by the COCO instances and
 * panoptic readers (both use the {@code images/<subset>/} layout).
 */
public final class CocoImages {
    private CocoImages() {
    }

    /**
     * The first existing file of {@code images/<subset>/<file>}, {@code images/<file>} and {@code <file>} under
     * {@code root} (every candidate checked by {@link SafePaths}); the first candidate when none exists.
     */
    public static Path resolve(Path root, String subset, String file, String location) {
        List<Path> candidates = List.of(
                SafePaths.resolveInside(root, CocoFormat.IMAGES_DIR + "/" + subset + "/" + file, location, "file_name"),
                SafePaths.resolveInside(root, CocoFormat.IMAGES_DIR + "/" + file, location, "file_name"),
                SafePaths.resolveInside(root, file, location, "file_name"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return candidates.get(0).toAbsolutePath().normalize();
    }

    /** {@code images/a.jpg} → {@code images/a}: the item id is the file name without its extension. */
    public static String stem(String file) {
        String f = file.replace('\\', '/');
        int slash = f.lastIndexOf('/');
        int dot = f.lastIndexOf('.');
        return dot > slash + 1 ? f.substring(0, dot) : f;
    }
}
