package dev.annota.formats.cityscapes;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code gtFine/} holding a {@code *_gtFine_labelIds.png} or {@code *_gtFine_instanceIds.png} is Cityscapes
 * beyond doubt (0.98); {@code leftImg8bit/} alone suggests it (0.5). Only file names are read.
 */
final class CityscapesDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        Path gt = path.resolve(CityscapesFormat.GT);
        if (Files.isDirectory(gt)) {
            try (Stream<Path> s = Files.walk(gt, 4)) {
                if (s.anyMatch(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(CityscapesFormat.INSTANCE_SUFFIX) || n.endsWith(CityscapesFormat.LABEL_SUFFIX);
                })) {
                    return 0.98;
                }
            }
        }
        return Files.isDirectory(path.resolve(CityscapesFormat.IMAGES)) ? 0.5 : 0;
    }
}
