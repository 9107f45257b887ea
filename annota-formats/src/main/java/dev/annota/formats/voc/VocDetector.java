package dev.annota.formats.voc;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Looks at folder names and one file name: {@code Annotations/} with XML files is the VOC signature (0.9,
 * 0.97 with {@code ImageSets/} too); {@code ImageSets/Main} or the segmentation folders without annotations
 * still say VOC, less surely (0.8, 0.7).
 */
final class VocDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return 0;
        }
        boolean xml = hasFile(path.resolve(VocFormat.ANNOTATIONS), ".xml");
        boolean sets = Files.isDirectory(path.resolve(VocFormat.IMAGE_SETS).resolve("Main"))
                || Files.isDirectory(path.resolve(VocFormat.IMAGE_SETS).resolve("Segmentation"));
        boolean seg = hasFile(path.resolve(VocFormat.SEG_CLASS), ".png") || hasFile(path.resolve(VocFormat.SEG_OBJECT), ".png");
        if (xml) {
            return sets ? 0.97 : 0.9;
        }
        if (sets) {
            return 0.8;
        }
        return seg ? 0.7 : 0;
    }

    private static boolean hasFile(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir, 4)) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix));
        }
    }
}
