package dev.annota.app.exports;

import dev.annota.formats.Problem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an export wrote: the zip, the format, how many images and annotations (by kind) went in, and every
 * problem the writer reported — above all what the format cannot hold (an annotation kind, an attribute), which
 * is listed, never dropped silently: the first {@link ExportProject#MAX_PROBLEMS} in {@code problems}, all of them
 * counted in {@code problemCount}.
 */
public record ExportReport(Path zip, String format, boolean includeImages, long images, Map<String, Long> annotations,
                           List<Problem> problems, long problemCount) {
    public ExportReport {
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount " + problemCount + " < " + problems.size() + " listed problems");
        }
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(format, "format");
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        problems = List.copyOf(problems);
    }
}
