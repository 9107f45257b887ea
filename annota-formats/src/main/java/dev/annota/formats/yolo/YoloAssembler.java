package dev.annota.formats.yolo;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.imagenet.ImageFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the items of a YOLO dataset (either layout) from image paths and their label files: probes each
 * image's real size (normalised coordinates need it), reads the labels, keeps item ids unique and remembers
 * which label files were used, so that label files without an image can be reported.
 */
final class YoloAssembler {
    private final Path root;
    private final LabelLines lines;
    private final ImportReport report;
    private final List<Item> items = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<Path> imagesSeen = new HashSet<>();
    private final Set<Path> labelsUsed = new HashSet<>();

    YoloAssembler(Path root, LabelLines lines, ImportReport report) {
        this.root = root.toAbsolutePath().normalize();
        this.lines = lines;
        this.report = report;
    }

    /** The path of {@code p} relative to the dataset root, with forward slashes, for messages and ids. */
    String relative(Path p) {
        return ImageFiles.slashed(root.relativize(p.toAbsolutePath().normalize()));
    }

    /** Adds the image one entry of an image list names; {@code where} is the entry's {@code list:line}. */
    interface ListEntry {
        void add(String entry, String where) throws IOException;
    }

    /**
     * Reads an image list (darknet's {@code train.txt}, or a split of {@code data.yaml} given as a list): one
     * image path a line, without a BOM or surrounding blanks, blank lines skipped. Each entry goes to
     * {@code entry} with its location {@code <list>:<line>}; an entry that fails validation is reported as an
     * error and the list is read on.
     */
    void readList(Path list, ListEntry entry) throws IOException {
        String listName = relative(list);
        try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            String line;
            int nr = 0;
            while ((line = in.readLine()) != null) {
                nr++;
                String value = line.replace("\uFEFF", "").strip();
                if (value.isEmpty()) {
                    continue;
                }
                try {
                    entry.add(value, listName + ":" + nr);
                } catch (ValidationException e) {
                    report.error(e);
                }
            }
        }
    }

    /**
     * Adds the image at {@code image} (already resolved inside the root) as an item of {@code subset};
     * {@code listedAt} names where it was listed, for warnings.
     */
    void add(Path image, String subset, String id, Path labelFile, String listedAt) throws IOException {
        image = image.toAbsolutePath().normalize();
        try {
            SafePaths.resolveInside(root, relative(image), listedAt, "image"); // a link out of the dataset is refused
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        if (!imagesSeen.add(image)) {
            report.warn(new FieldError(listedAt, "image", relative(image), "expected each image listed once (the repeat is ignored)"));
            return;
        }
        labelFile = labelFile.toAbsolutePath().normalize();
        boolean hasLabels = Files.isRegularFile(labelFile);
        if (hasLabels) {
            labelsUsed.add(labelFile);
        }
        Optional<ImageSize> size = ImageProbe.size(image);
        List<Annotation> annotations = List.of();
        if (size.isEmpty()) {
            String objects = hasLabels ? "; the " + LabelLines.objectCount(labelFile) + " objects of "
                    + relative(labelFile) + " are not read (normalised coordinates need the image size)" : "";
            report.warn(new FieldError(listedAt, "image", relative(image), "expected a readable image file (missing or not an image)" + objects));
        } else if (hasLabels) {
            annotations = lines.read(labelFile, relative(labelFile), size.get());
        }
        String unique = id;
        if (!ids.add(unique)) {
            unique = subset + "/" + id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = subset + "/" + id + "#" + n;
            }
        }
        items.add(new Item(unique, new ImageRef(image.toString(), size, Optional.empty()), subset, annotations, Map.of()));
    }

    /** Warns about every {@code .txt} under {@code labelsDir} that no image used; {@code why} says where images were looked for. */
    void warnUnusedLabels(Path labelsDir, String why) throws IOException {
        if (!Files.isDirectory(labelsDir)) {
            return;
        }
        List<Path> unused;
        try (Stream<Path> s = Files.walk(labelsDir)) {
            unused = s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !labelsUsed.contains(p)).sorted().toList();
        }
        for (Path p : unused) {
            report.warn(new FieldError(relative(p), "image", ImageFiles.stem(relative(p)) + ".*",
                    "expected an image for this label file " + why + " (label file ignored)"));
        }
    }

    List<Item> items() {
        return List.copyOf(items);
    }
}
