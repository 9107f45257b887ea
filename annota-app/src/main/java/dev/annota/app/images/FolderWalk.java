package dev.annota.app.images;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of a folder tree, in a stable (sorted) order: files whose extension names an image format
 * (other files are not offered; a text file named {@code .jpg} is, and is refused by inspection). Hidden
 * files are left out. Symbolic links are never followed into folders; a link to a file is taken only when it
 * points inside the tree, and otherwise reported. Used by folder imports and by embedding a folder of images.
 */
public final class FolderWalk {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "gif", "bmp", "tif", "tiff", "webp");

    private FolderWalk() {
    }

    /** The files found and the links refused. */
    public record Found(List<Path> files, List<FieldError> refused) {
    }

    public static Found walk(Path root) throws IOException {
        Path base = root.toRealPath();
        List<Path> files = new ArrayList<>();
        List<FieldError> refused = new ArrayList<>();
        try (Stream<Path> s = Files.walk(base)) {
            for (Path p : s.sorted().toList()) {
                String rel = relative(base, p);
                if (p.equals(base) || isHidden(base, p) || !hasImageExtension(p)) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    Path target;
                    try {
                        target = p.toRealPath();
                    } catch (IOException e) {
                        refused.add(new FieldError(rel, "file", rel, "expected a link to an existing file (" + e.getMessage() + ")"));
                        continue;
                    }
                    if (!target.startsWith(base)) {
                        refused.add(new FieldError(rel, "file", "a link to " + target, "expected a file inside the import folder"));
                        continue;
                    }
                }
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        return new Found(files, refused);
    }

    /** {@code p} relative to {@code base}, with forward slashes. */
    public static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }

    private static boolean isHidden(Path base, Path p) {
        for (Path part : base.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasImageExtension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * {@code requested} (absolute, or relative to the import root) when it lies inside {@code root} — after
     * following every link — and exists; otherwise a {@link ValidationException} on field {@code path}.
     */
    static Path insideRoot(Path root, String requested) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(requested.replace('\\', '/')).normalize();
        if (!p.startsWith(base)) {
            throw ValidationException.of("path", requested, "expected a path inside the import folder " + base);
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw ValidationException.of("path", requested, "expected an existing folder or zip inside the import folder " + base);
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw ValidationException.of("path", requested, "expected a path inside the import folder " + base
                        + " (it is a link to " + real + ")");
            }
            return real;
        } catch (IOException e) {
            throw ValidationException.of("path", requested, "expected a readable path (" + e.getMessage() + ")");
        }
    }
}
