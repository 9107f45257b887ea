package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.JsonElements;
import dev.annota.formats.json.JsonObjectFields;
import dev.annota.formats.json.JsonObjectFields.NullValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads COCO panoptic datasets: a folder with {@code annotations/panoptic_<subset>.json} (or one such file).
 * {@code read} parses the JSON (element by element, so errors name file, line and JSON pointer) and checks
 * every PNG once, reporting quirks (a PNG whose size differs from the image's, a segment whose area or bbox
 * disagrees with its pixels, pixels of ids no segment lists); each pass over the items decodes the PNGs again,
 * one image at a time, so masks are never all in memory.
 */
final class CocoPanopticReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        boolean folder = Files.isDirectory(path);
        List<Path> files = folder ? panopticFiles(path) : List.of(path);
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), "annotations", null,
                    "expected " + CocoPanopticFormat.ANNOTATIONS_DIR + "/" + CocoPanopticFormat.PREFIX + "<subset>.json"));
        }
        Path root = folder ? path : datasetRoot(path);
        PanopticAssembler assembler = new PanopticAssembler(root, report);
        for (Path file : files) {
            PanopticAssembler.FileScope scope = assembler.beginFile(file, subsetOf(file, files.size()));
            JsonElements.sections(file, Set.of("images", "annotations", "categories"), scope::accept, report);
            scope.end();
        }
        List<PanopticImage> images = assembler.images();
        for (PanopticImage image : images) {
            image.toItem(report::warn); // checks each PNG once, reporting its quirks
        }
        return Dataset.streaming(assembler.schema(), () -> items(images));
    }

    private static Stream<Item> items(List<PanopticImage> images) {
        return images.stream().map(im -> {
            try {
                return im.toItem(e -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code annotations/panoptic_*.json} of a folder (or {@code panoptic_*.json} in the folder itself). */
    static List<Path> panopticFiles(Path folder) throws IOException {
        Path dir = folder.resolve(CocoPanopticFormat.ANNOTATIONS_DIR);
        Path where = Files.isDirectory(dir) ? dir : folder;
        try (Stream<Path> s = Files.list(where)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.startsWith("panoptic") && n.endsWith(".json");
            }).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path datasetRoot(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent.getFileName() != null && parent.getFileName().toString().equals(CocoPanopticFormat.ANNOTATIONS_DIR)) {
            return parent.getParent();
        }
        return parent;
    }

    /** {@code panoptic_val2017.json} → {@code val2017}; a lone file without a subset → default. */
    static String subsetOf(Path file, int fileCount) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        if (stem.startsWith(CocoPanopticFormat.PREFIX) && stem.length() > CocoPanopticFormat.PREFIX.length()) {
            return stem.substring(CocoPanopticFormat.PREFIX.length());
        }
        return fileCount == 1 ? Item.DEFAULT_SUBSET : stem;
    }

    /** The PNG folder of a panoptic JSON: beside it, named as the file without {@code .json}. */
    static Path pngFolder(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()));
    }

    static String text(JsonNode n) {
        return n == null ? null : n.toString();
    }

    static JsonObjectFields fields(JsonNode node, String location) {
        return new JsonObjectFields(node, location, NullValue.TEXT);
    }
}
