package dev.annota.formats;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves paths named inside dataset files (image file names, mask paths, list entries) against the
 * dataset's root, refusing any that leave it: absolute paths, {@code ..} that climbs out, and symbolic links
 * that point outside the tree. A dataset file can never make Annota read or write elsewhere.
 */
public final class SafePaths {
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:/.*");

    private SafePaths() {
    }

    /**
     * {@code root.resolve(relative)}, normalised, when it stays inside {@code root}; otherwise a
     * {@link ValidationException} naming {@code location}, {@code field} and the path.
     */
    public static Path resolveInside(Path root, String relative, String location, String field) {
        String p = relative.replace('\\', '/');
        if (p.startsWith("/") || WINDOWS_ABSOLUTE.matcher(p).matches()) {
            throw new ValidationException(new FieldError(location, field, relative,
                    "expected a path relative to the dataset folder, not an absolute one"));
        }
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(p).normalize();
        if (!resolved.startsWith(base)) {
            throw new ValidationException(new FieldError(location, field, relative,
                    "expected a path inside the dataset folder (it climbs out with '..')"));
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(base.toRealPath())) {
                    throw new ValidationException(new FieldError(location, field, relative,
                            "expected a file inside the dataset folder (it is a link to " + real + ")"));
                }
            } catch (IOException e) {
                throw new ValidationException(new FieldError(location, field, relative,
                        "expected a readable path (" + e.getMessage() + ")"));
            }
        }
        return resolved;
    }
}
