package dev.annota.formats.yolo;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recognises the darknet layout: an {@code obj.data}-like file ({@code key = value} lines naming
 * {@code names} or {@code classes}) is certain; a folder with {@code obj.names} and {@code obj_*_data/} but no
 * data file is likely.
 */
final class YoloDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().endsWith(".data") && looksLikeObjData(path) ? 1.0 : 0;
        }
        if (!Files.isDirectory(path)) {
            return 0;
        }
        var data = YoloReader.dataFile(path);
        if (data.isPresent() && looksLikeObjData(data.get())) {
            return 1.0;
        }
        if (Files.isRegularFile(path.resolve(YoloFormat.NAMES_FILE))) {
            try (Stream<Path> s = Files.list(path)) {
                boolean subsetFolder = s.anyMatch(p -> Files.isDirectory(p) && YoloReader.isSubsetFolder(p.getFileName().toString()));
                return subsetFolder ? 0.8 : 0.4;
            }
        }
        return 0;
    }

    private static boolean looksLikeObjData(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            return false; // binary: not a darknet data file
        }
        return lines.stream().map(String::strip).anyMatch(l -> l.matches("(names|classes|train|valid)\\s*=.*"));
    }
}
