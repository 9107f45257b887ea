package dev.annota.formats.coco;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads COCO JSON files in two kinds of pass, so that memory does not grow with the number of annotations.
 * {@link #read} makes one streaming pass per file ({@link CocoScanner}): it reads categories and images,
 * converts every annotation record once to report its problems (each element parsed on its own, so an error
 * names the file, the line and the JSON pointer, and under {@link dev.annota.formats.ErrorPolicy#COLLECT} one
 * bad element never stops the rest), and keeps only where each good record lies in the file
 * ({@link CocoFileIndex}). Each call to {@code items()} then streams the images in order and parses each
 * image's records again from their byte ranges ({@link CocoItems}).
 */
final class CocoReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = Files.isDirectory(path) ? path : datasetRoot(path);
        List<Path> files = Files.isDirectory(path) ? annotationFiles(path) : List.of(path);
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), "annotations", null,
                    "expected COCO JSON files in " + CocoFormat.ANNOTATIONS_DIR + "/"));
        }
        CocoAssembler assembler = new CocoAssembler(root, report);
        List<CocoFileIndex> indexed = new ArrayList<>(files.size());
        for (Path file : files) {
            CocoAssembler.FileScope scope = assembler.beginFile(file, subsetOf(file, files.size()));
            new CocoScanner(file, scope, report).scan();
            indexed.add(scope.end());
        }
        return new CocoDataset(assembler.schema(), indexed);
    }

    /** The JSON files of a folder layout: {@code annotations/*.json}, or {@code *.json} in the folder itself. */
    static List<Path> annotationFiles(Path folder) throws IOException {
        Path dir = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        Path where = Files.isDirectory(dir) ? dir : folder;
        try (Stream<Path> s = Files.list(where)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("panoptic")) // coco_panoptic's
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A file inside {@code annotations/} belongs to the dataset in the folder above. */
    private static Path datasetRoot(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent.getFileName() != null && parent.getFileName().toString().equals(CocoFormat.ANNOTATIONS_DIR)) {
            return parent.getParent();
        }
        return parent;
    }

    /** {@code instances_train.json} → {@code train}; a lone file without a subset suffix → default. */
    static String subsetOf(Path file, int fileCount) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        for (String prefix : List.of("instances_", "person_keypoints_", "image_info_", "labels_", "captions_")) {
            if (stem.startsWith(prefix) && stem.length() > prefix.length()) {
                return stem.substring(prefix.length());
            }
        }
        return fileCount == 1 ? Item.DEFAULT_SUBSET : stem;
    }
}
