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
 * Reads the Ultralytics layout. The dataset root is data.yaml's {@code path} when it names a folder inside
 * the yaml's folder, else the yaml's folder (a {@code path} pointing elsewhere, e.g. {@code ../datasets/coco8}
 * or an absolute path, is where the dataset used to be: warned about and ignored). Each split is a folder
 * (every image below it) or a list file (one image per line, relative to the list's folder). The label file of
 * {@code .../images/<rest>.jpg} is {@code .../labels/<rest>.txt}, as Ultralytics finds it; an image without one
 * has no annotations. Without a data.yaml, the splits are the folders of {@code images/} and the names come
 * from {@code classes.txt} when present. Item ids are image paths below their split folder, without extension.
 */
final class UltralyticsReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Optional<Path> yaml = Files.isDirectory(path) ? yamlFile(path) : Optional.of(path);
        Path base = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        DataYaml data;
        Path root = base;
        String yamlName;
        if (yaml.isPresent()) {
            yamlName = yaml.get().getFileName().toString();
            data = DataYaml.parse(yaml.get(), report);
            root = rootOf(base, data.path(), yamlName, report);
        } else {
            yamlName = UltralyticsFormat.IMAGES + "/";
            data = withoutYaml(base, report);
        }
        YoloClasses classes = new YoloClasses(data.names(), yamlName, report);
        YoloAssembler assembler = new YoloAssembler(root, new LabelLines(LabelLines.Mode.ULTRALYTICS, data.kpt(), data.kptNames(), classes, report), report);
        for (Map.Entry<String, List<String>> split : data.splits().entrySet()) {
            for (String entry : split.getValue()) {
                try {
                    readSplit(root, split.getKey(), entry, yamlName, assembler, report);
                } catch (ValidationException e) {
                    report.error(e);
                }
            }
        }
        List<Item> items = assembler.items();
        return Dataset.streaming(classes.schema(), items::stream);
    }

    /** The yaml of a folder: {@code data.yaml}, {@code data.yml}, or its only {@code *.yaml}/{@code *.yml}. */
    static Optional<Path> yamlFile(Path folder) throws IOException {
        for (String n : List.of(UltralyticsFormat.YAML_FILE, "data.yml")) {
            if (Files.isRegularFile(folder.resolve(n))) {
                return Optional.of(folder.resolve(n));
            }
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> yamls = s.filter(Files::isRegularFile).filter(UltralyticsDetector::isYaml).toList();
            return yamls.size() == 1 ? Optional.of(yamls.get(0)) : Optional.empty();
        }
    }

    private static Path rootOf(Path base, Optional<String> path, String yamlName, ImportReport report) {
        if (path.isEmpty()) {
            return base;
        }
        try {
            Path p = SafePaths.resolveInside(base, path.get(), yamlName, "path");
            if (Files.isDirectory(p)) {
                return p;
            }
            report.warn(new FieldError(yamlName, "path", path.get(), "expected a folder; the folder of " + yamlName + " is used"));
        } catch (ValidationException e) {
            report.warn(new FieldError(yamlName, "path", path.get(), "expected a folder inside the dataset (it names where the "
                    + "dataset was); the folder of " + yamlName + " is used"));
        }
        return base;
    }

    /** Splits from {@code images/<split>/} (or {@code images/} itself) and names from classes.txt. */
    private static DataYaml withoutYaml(Path root, ImportReport report) throws IOException {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        Path images = root.resolve(UltralyticsFormat.IMAGES);
        boolean direct;
        try (Stream<Path> s = Files.list(images)) {
            List<Path> entries = s.sorted().toList();
            direct = entries.stream().anyMatch(ImageFiles::isImage);
            for (Path p : entries) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    splits.put(p.getFileName().toString(), List.of(UltralyticsFormat.IMAGES + "/" + p.getFileName()));
                }
            }
        }
        if (direct || splits.isEmpty()) {
            splits.clear();
            splits.put(Item.DEFAULT_SUBSET, List.of(UltralyticsFormat.IMAGES));
        }
        List<String> names = new ArrayList<>();
        Path classes = root.resolve(UltralyticsFormat.CLASSES_FILE);
        if (Files.isRegularFile(classes)) {
            for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
                names.add(line.replace("\uFEFF", "").strip());
            }
            while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                names.remove(names.size() - 1);
            }
        } else {
            report.warn(new FieldError(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                    "names", null, "expected data.yaml or classes.txt with the class names; classes are named class_<index>"));
        }
        return new DataYaml(Optional.empty(), splits, names, Optional.empty(), Map.of());
    }

    private static void readSplit(Path root, String split, String entry, String yamlName, YoloAssembler assembler,
            ImportReport report) throws IOException {
        Path target = SafePaths.resolveInside(root, entry, yamlName, split);
        if (Files.isDirectory(target)) {
            for (Path image : ImageFiles.under(target)) {
                String id = ImageFiles.stem(ImageFiles.slashed(target.relativize(image)));
                assembler.add(image, split, id, labelOf(root, image), assembler.relative(target));
            }
            assembler.warnUnusedLabels(labelOf(root, target.resolve("x")).getParent(), "in " + assembler.relative(target));
        } else if (Files.isRegularFile(target) && target.getFileName().toString().endsWith(".txt")) {
            readList(root, target, split, assembler);
        } else if (DataYaml.KNOWN_SPLITS.contains(split)) {
            report.warn(new FieldError(yamlName, split, entry, "expected a folder of images or a .txt list of images (split skipped)"));
        }
        // other keys that name nothing are metadata, not splits
    }

    private static void readList(Path root, Path list, String split, YoloAssembler assembler) throws IOException {
        String listName = assembler.relative(list);
        String listDir = listName.contains("/") ? listName.substring(0, listName.lastIndexOf('/') + 1) : "";
        assembler.readList(list, (entry, where) -> {
            String rel = entry.replace('\\', '/');
            rel = rel.startsWith("./") ? rel.substring(2) : rel;
            Path image = SafePaths.resolveInside(root, listDir + rel, where, "image");
            assembler.add(image, split, id(assembler.relative(image), split), labelOf(root, image), where);
        });
    }

    /** {@code images/train/a/1.jpg} → {@code a/1}: the path below {@code images/} and the split folder. */
    static String id(String rootRelative, String split) {
        String p = rootRelative;
        if (p.startsWith(UltralyticsFormat.IMAGES + "/")) {
            p = p.substring(UltralyticsFormat.IMAGES.length() + 1);
        }
        if (p.startsWith(split + "/")) {
            p = p.substring(split.length() + 1);
        }
        return ImageFiles.stem(p);
    }

    /** Ultralytics' rule: the last {@code images} folder of the path becomes {@code labels}, the extension {@code .txt}. */
    static Path labelOf(Path root, Path image) {
        Path rel = root.toAbsolutePath().normalize().relativize(image.toAbsolutePath().normalize());
        int last = -1;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().equals(UltralyticsFormat.IMAGES)) {
                last = i;
            }
        }
        Path labels = rel;
        if (last >= 0) {
            Path before = last == 0 ? Path.of("") : rel.subpath(0, last);
            Path after = rel.subpath(last + 1, rel.getNameCount());
            labels = before.resolve(UltralyticsFormat.LABELS).resolve(after);
        }
        String name = labels.getFileName().toString();
        return root.toAbsolutePath().normalize().resolve(labels).resolveSibling(ImageFiles.stem(name) + ".txt");
    }
}
