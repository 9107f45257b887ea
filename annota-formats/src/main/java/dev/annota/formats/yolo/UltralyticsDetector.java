package dev.annota.formats.yolo;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Recognises the Ultralytics layout: a data.yaml with {@code names} and a split key is certain (1.0, or 0.5
 * beside a darknet {@code obj.data}, which then wins); a folder with {@code images/} and {@code labels/}
 * holding {@code .txt} files but no yaml is likely (0.7). Reads only the yaml's top-level keys.
 */
final class UltralyticsDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return isYaml(path) ? safeYamlConfidence(path) : 0;
        }
        if (!Files.isDirectory(path)) {
            return 0;
        }
        double yaml = UltralyticsReader.yamlFile(path).map(this::safeYamlConfidence).orElse(0.0);
        if (yaml > 0) {
            return YoloReader.dataFile(path).isPresent() ? 0.5 : yaml;
        }
        Path labels = path.resolve(UltralyticsFormat.LABELS);
        if (Files.isDirectory(path.resolve(UltralyticsFormat.IMAGES)) && Files.isDirectory(labels)) {
            try (Stream<Path> s = Files.walk(labels, 3)) {
                return s.anyMatch(p -> p.getFileName().toString().endsWith(".txt")) ? 0.7 : 0;
            }
        }
        return 0;
    }

    private double safeYamlConfidence(Path file) {
        try {
            return yamlConfidence(file);
        } catch (IOException e) {
            return 0; // unreadable: not a dataset we can read
        }
    }

    static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** 1.0 when the top-level keys include {@code names} (or {@code nc}) and a split; 0 otherwise. */
    private static double yamlConfidence(Path file) throws IOException {
        if (Files.size(file) > 4L * 1024 * 1024) {
            return 0;
        }
        boolean names = false, split = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("names:") || line.startsWith("nc:")) {
                names = true;
            }
            if (line.startsWith("train:") || line.startsWith("val:") || line.startsWith("test:")) {
                split = true;
            }
        }
        return names && split ? 1.0 : 0;
    }
}
