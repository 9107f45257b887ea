package dev.annota.formats.cocoresults;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.CocoFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a results file with {@link CocoResults#read}, against a ground truth given explicitly
 * ({@link #against(Path)}) or found by convention: the COCO instances JSON beside the results file (a file
 * the COCO detector is sure of: images, annotations and categories). When several lie there, the one named
 * {@code gt.json}, {@code ground_truth.json} or {@code instances_*.json} is taken if it is the only such;
 * otherwise the error lists them and says to choose.
 */
public final class CocoResultsReader implements DatasetReader {
    private final Optional<Path> groundTruth;

    CocoResultsReader() {
        this(Optional.empty());
    }

    private CocoResultsReader(Optional<Path> groundTruth) {
        this.groundTruth = groundTruth;
    }

    /** A reader that reads results against the COCO dataset (file or folder) at {@code groundTruth}. */
    public static CocoResultsReader against(Path groundTruth) {
        return new CocoResultsReader(Optional.of(groundTruth));
    }

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path gtPath = groundTruth.isPresent() ? groundTruth.get() : findGroundTruth(path);
        Dataset gt = new CocoFormat().reader().orElseThrow().read(gtPath, report);
        return CocoResults.read(path, gt, report);
    }

    static Path findGroundTruth(Path results) throws IOException {
        Path folder = results.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (!p.equals(results.toAbsolutePath()) && Files.isRegularFile(p)
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                        && new CocoFormat().detector().confidence(p) >= 1.0) {
                    candidates.add(p);
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<Path> named = candidates.stream().filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.equals("gt.json") || n.equals("ground_truth.json") || n.startsWith("instances_");
        }).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new ValidationException(new FieldError(results.getFileName().toString(), "ground truth",
                candidates.isEmpty() ? null : candidates.stream().map(p -> p.getFileName().toString()).toList().toString(),
                "expected one COCO ground-truth JSON (images, annotations, categories) beside the results file"
                        + (candidates.isEmpty() ? "" : "; several found, name the one to use")));
    }
}
