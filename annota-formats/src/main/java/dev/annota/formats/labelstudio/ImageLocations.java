package dev.annota.formats.labelstudio;

import dev.annota.formats.SafePaths;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the file behind a task's image location. Label Studio writes server paths and URLs, not files:
 * <ul>
 *   <li>{@code /data/local-files/?d=dir/a.jpg} (local storage): {@code dir/a.jpg}, then {@code a.jpg};</li>
 *   <li>{@code /data/upload/3/abc-a.jpg} (uploads): {@code upload/3/abc-a.jpg}, {@code 3/abc-a.jpg},
 *       {@code images/abc-a.jpg}, {@code abc-a.jpg};</li>
 *   <li>{@code http(s)://…}, {@code s3://…}, {@code gs://…}: the file name in {@code images/}, then in the folder;</li>
 *   <li>{@code /dir/a.jpg} (other server paths): {@code dir/a.jpg}, {@code images/dir/a.jpg}, {@code a.jpg};</li>
 *   <li>a relative path: itself, then under {@code images/}.</li>
 * </ul>
 * Every candidate is resolved inside the dataset folder through {@link SafePaths}. When none exists, the
 * location is kept as written and the caller warns that the image is missing.
 */
final class ImageLocations {
    static final String IMAGES_DIR = "images";

    private ImageLocations() {
    }

    /** Where an image is: the file found (if any) and the item id it gives. */
    record Found(Optional<Path> file, String itemId) {
    }

    static Found resolve(Path root, String raw, String location, String field) {
        List<String> candidates = candidates(raw);
        for (String c : candidates) {
            Path p = SafePaths.resolveInside(root, c, location, field);
            if (Files.isRegularFile(p)) {
                Path base = root.toAbsolutePath().normalize();
                Path images = base.resolve(IMAGES_DIR);
                Path rel = p.startsWith(images) ? images.relativize(p) : base.relativize(p);
                return new Found(Optional.of(p), stem(rel.toString().replace('\\', '/')));
            }
        }
        String primary = candidates.isEmpty() ? raw : candidates.get(0);
        if (primary.startsWith(IMAGES_DIR + "/")) {
            primary = primary.substring(IMAGES_DIR.length() + 1);
        }
        return new Found(Optional.empty(), stem(primary));
    }

    static List<String> candidates(String raw) {
        String s = raw.trim();
        List<String> out = new ArrayList<>();
        if (s.startsWith("/data/local-files/")) {
            int q = s.indexOf("d=");
            String d = q < 0 ? s.substring("/data/local-files/".length()) : s.substring(q + 2);
            int amp = d.indexOf('&');
            d = URLDecoder.decode(amp < 0 ? d : d.substring(0, amp), StandardCharsets.UTF_8);
            out.add(stripSlashes(d));
            out.add(baseName(d));
        } else if (s.startsWith("/data/upload/")) {
            String rel = s.substring("/data/".length());
            out.add(rel);
            out.add(rel.substring("upload/".length()));
            out.add(IMAGES_DIR + "/" + baseName(rel));
            out.add(baseName(rel));
        } else if (s.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*")) {
            String path = s.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
            int q = path.indexOf('?');
            path = URLDecoder.decode(q < 0 ? path : path.substring(0, q), StandardCharsets.UTF_8);
            String name = baseName(path);
            if (!name.isEmpty()) {
                out.add(IMAGES_DIR + "/" + name);
                out.add(name);
            }
        } else if (s.startsWith("/")) {
            String rel = stripSlashes(s);
            out.add(rel);
            out.add(IMAGES_DIR + "/" + rel);
            out.add(baseName(rel));
        } else {
            out.add(s);
            out.add(IMAGES_DIR + "/" + s);
        }
        return out.stream().filter(c -> !c.isBlank()).distinct().toList();
    }

    private static String stripSlashes(String s) {
        String r = s.replace('\\', '/');
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        return r;
    }

    static String baseName(String s) {
        String r = s.replace('\\', '/');
        return r.substring(r.lastIndexOf('/') + 1);
    }

    /** {@code dir/a.jpg} → {@code dir/a}. */
    static String stem(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    /** The extension of a location, with the dot ({@code .jpg}); empty when it has none. */
    static String extension(String location) {
        String name = baseName(location);
        int q = name.indexOf('?');
        if (q >= 0) {
            name = name.substring(0, q);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
