package dev.annota.formats.imagenet;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recognises class folders. Any folder of image folders looks like this, so the confidence is modest (0.5)
 * and drops to 0 as soon as the folder shows signs of an annotation format: a top-level file that is not an
 * image or a readme/licence (obj.data, data.yaml, a JSON, XML or CSV file), a well-known folder of another
 * layout (images/labels, Annotations/JPEGImages, gtFine...), or annotation files inside the class folders.
 */
final class ImageNetDetector implements FormatDetector {
    private static final Set<String> OTHER_LAYOUTS = Set.of("images", "labels", "annotations", "jpegimages", "imagesets",
            "segmentationclass", "segmentationobject", "gtfine", "leftimg8bit", "masks", "obj_train_data");
    private static final Set<String> ANNOTATION_EXTENSIONS = Set.of("txt", "json", "xml", "csv", "yaml", "yml", "data", "names");

    @Override
    public double confidence(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return 0;
        }
        List<Path> top;
        try (Stream<Path> s = Files.list(path)) {
            top = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        List<Path> dirs = top.stream().filter(Files::isDirectory).toList();
        for (Path p : top) {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p) ? OTHER_LAYOUTS.contains(lower) : !ImageFiles.hasImageExtension(name) && !readme(lower)) {
                return 0;
            }
        }
        boolean split = !dirs.isEmpty() && dirs.stream().allMatch(d -> ImageNetFormat.SPLITS.contains(d.getFileName().toString()));
        boolean images = false;
        for (Path d : dirs) {
            try (Stream<Path> s = Files.walk(d, split ? 3 : 2)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String n = p.getFileName().toString();
                    int dot = n.lastIndexOf('.');
                    if (dot > 0 && ANNOTATION_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                        return 0;
                    }
                    images |= ImageFiles.hasImageExtension(n) && p.getNameCount() - d.getNameCount() >= (split ? 2 : 1);
                }
            }
        }
        return images ? 0.5 : 0;
    }

    private static boolean readme(String lower) {
        return lower.startsWith("readme") || lower.startsWith("license") || lower.startsWith("licence") || lower.endsWith(".md");
    }
}
