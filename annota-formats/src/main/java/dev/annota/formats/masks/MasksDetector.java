package dev.annota.formats.masks;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A folder with {@code masks/} holding PNGs: 0.85 with a palette file beside it (the generic layout), 0.45
 * without one (masks alone could be many things). Looks at one file name, never at pixels.
 */
final class MasksDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (!Files.isDirectory(path.resolve(MasksFormat.MASKS_DIR))) {
            return 0;
        }
        boolean png;
        try (Stream<Path> s = Files.walk(path.resolve(MasksFormat.MASKS_DIR), 3)) {
            png = s.anyMatch(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"));
        }
        if (!png) {
            return 0;
        }
        return PaletteFile.find(path).isPresent() ? 0.85 : 0.45;
    }
}
