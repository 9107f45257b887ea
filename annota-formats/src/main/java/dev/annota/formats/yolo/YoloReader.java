package dev.annota.formats.yolo;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.imagenet.ImageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the darknet layout: {@code obj.data} ({@code key = value} lines: {@code classes}, {@code names} and one
 * image list per subset, e.g. {@code train = data/train.txt}), the names file (one class per line, index =
 * line), the image lists (one image path per line) and a label file next to each image. Paths in these files
 * are relative to the folder of {@code obj.data}, which darknet calls {@code data/}: a leading {@code data/}
 * is dropped when the path does not exist with it. Every path goes through {@link SafePaths}. The subset of
 * an image is the key of its list; its id is its path below {@code obj_<subset>_data/} without extension.
 */
final class YoloReader implements DatasetReader {
    /** obj.data keys that never name an image list. */
    private static final List<String> NOT_LISTS = List.of("classes", "names", "backup", "eval", "results", "map");

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path dataFile = Files.isDirectory(path) ? dataFile(path).orElseThrow(() -> new ValidationException(
                new FieldError(path.toString(), "obj.data", null, "expected a darknet obj.data file in the folder"))) : path;
        Path root = dataFile.toAbsolutePath().normalize().getParent();
        String dataName = dataFile.getFileName().toString();
        Map<String, Entry> entries = parseData(dataFile, dataName, report);

        List<String> names = names(root, entries, dataName, report);
        Entry classes = entries.get("classes");
        if (classes != null && !classes.value.equals(Integer.toString(names.size()))) {
            report.warn(new FieldError(dataName + ":" + classes.line, "classes", classes.value,
                    "expected the number of names, " + names.size() + " (the names are used)"));
        }
        YoloClasses yoloClasses = new YoloClasses(names, "obj.names", report);
        YoloAssembler assembler = new YoloAssembler(root, new LabelLines(LabelLines.Mode.DARKNET, Optional.empty(), yoloClasses, report), report);

        boolean anyList = false;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            Entry entry = e.getValue();
            if (NOT_LISTS.contains(key) || !entry.value.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
                continue;
            }
            anyList = true;
            String where = dataName + ":" + entry.line;
            try {
                Path list = resolve(root, entry.value, where, key);
                if (!Files.isRegularFile(list)) {
                    report.warn(new FieldError(where, key, entry.value, "expected an image list file (subset " + key + " skipped)"));
                    continue;
                }
                readList(root, list, key, assembler);
            } catch (ValidationException ex) {
                report.error(ex);
            }
        }
        if (!anyList) {
            report.warn(new FieldError(dataName, "train", null, "expected image lists (train = data/train.txt); "
                    + "reading the images of the obj_<subset>_data folders instead"));
            for (Path folder : subsetFolders(root)) {
                String subset = subsetOf(folder.getFileName().toString());
                for (Path image : ImageFiles.under(folder)) {
                    assembler.add(image, subset, id(assembler.relative(image)), labelOf(image), assembler.relative(folder));
                }
            }
        }
        for (Path folder : subsetFolders(root)) {
            assembler.warnUnusedLabels(folder, "listed in an image list");
        }
        List<Item> items = assembler.items();
        return Dataset.streaming(yoloClasses.schema(), items::stream);
    }

    /** The obj.data of a folder: {@code obj.data}, or else its only {@code *.data} file. */
    static Optional<Path> dataFile(Path folder) throws IOException {
        Path obj = folder.resolve(YoloFormat.DATA_FILE);
        if (Files.isRegularFile(obj)) {
            return Optional.of(obj);
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> data = s.filter(p -> p.getFileName().toString().endsWith(".data") && Files.isRegularFile(p)).toList();
            return data.size() == 1 ? Optional.of(data.get(0)) : Optional.empty();
        }
    }

    private record Entry(String value, int line) {
    }

    private static Map<String, Entry> parseData(Path file, String name, ImportReport report) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                report.error(new FieldError(name + ":" + (i + 1), "(line)", line, "expected key = value"));
                continue;
            }
            out.put(line.substring(0, eq).strip(), new Entry(line.substring(eq + 1).strip(), i + 1));
        }
        return out;
    }

    private static List<String> names(Path root, Map<String, Entry> entries, String dataName, ImportReport report) throws IOException {
        Entry e = entries.get("names");
        Path file;
        String where;
        if (e == null) {
            file = root.resolve(YoloFormat.NAMES_FILE);
            where = dataName;
            if (!Files.isRegularFile(file)) {
                report.warn(new FieldError(dataName, "names", null, "expected a names file (names = data/obj.names); classes are named class_<index>"));
                return List.of();
            }
        } else {
            where = dataName + ":" + e.line;
            file = resolve(root, e.value, where, "names");
            if (!Files.isRegularFile(file)) {
                report.warn(new FieldError(where, "names", e.value, "expected a names file; classes are named class_<index>"));
                return List.of();
            }
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            names.add(line.replace("\uFEFF", "").strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    private static void readList(Path root, Path list, String subset, YoloAssembler assembler) throws IOException {
        assembler.readList(list, (entry, where) -> {
            Path image = resolve(root, entry, where, "image");
            assembler.add(image, subset, id(assembler.relative(image)), labelOf(image), where);
        });
    }

    /**
     * A path from a darknet file, inside {@code root}: as written, or without a leading {@code data/} (darknet
     * names the dataset folder {@code data/}); the first that exists, else the stripped one.
     */
    static Path resolve(Path root, String value, String where, String field) {
        String p = value.replace('\\', '/');
        Path as = SafePaths.resolveInside(root, p, where, field);
        String stripped = p.startsWith("./") ? p.substring(2) : p;
        if (stripped.startsWith("data/")) {
            Path without = SafePaths.resolveInside(root, stripped.substring("data/".length()), where, field);
            return Files.exists(as) ? as : without;
        }
        return as;
    }

    /** The label file of an image: the same path with {@code .txt} for its extension. */
    static Path labelOf(Path image) {
        String name = image.getFileName().toString();
        return image.resolveSibling(ImageFiles.stem(name) + ".txt");
    }

    /** {@code obj_train_data/a/1.jpg} → {@code a/1}. */
    static String id(String rootRelative) {
        String p = rootRelative;
        int slash = p.indexOf('/');
        if (slash > 0 && isSubsetFolder(p.substring(0, slash))) {
            p = p.substring(slash + 1);
        }
        return ImageFiles.stem(p);
    }

    static boolean isSubsetFolder(String name) {
        return name.startsWith("obj_") && name.endsWith("_data") && name.length() > "obj__data".length();
    }

    private static String subsetOf(String folder) {
        return folder.substring("obj_".length(), folder.length() - "_data".length());
    }

    private static List<Path> subsetFolders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> isSubsetFolder(p.getFileName().toString())).sorted().toList();
        }
    }
}
