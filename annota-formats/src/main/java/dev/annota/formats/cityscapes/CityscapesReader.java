package dev.annota.formats.cityscapes;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.DatasetFiles;
import dev.annota.formats.masks.LabelImage;
import dev.annota.formats.masks.PaletteFile;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ValueMasks;
import dev.annota.formats.masks.VocColormap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the Cityscapes layout (see {@link CityscapesFormat}). */
final class CityscapesReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        Path labelColors = root.resolve(CityscapesFormat.LABEL_COLORS);
        ClassTable table = Files.isRegularFile(labelColors)
                ? ClassTable.of(PaletteFile.read(labelColors, CityscapesFormat.LABEL_COLORS, report::warn, report::error).entries())
                : ClassTable.standardTable();
        LabelSchema.Builder schema = LabelSchema.builder();
        for (ClassTable.Entry e : table.byValue().values()) {
            if (e.value() >= 1 && schema.byName(e.name()).isEmpty()) {
                schema.put(LabelClass.of(LabelId.of(e.value()), e.name()).withColour(VocColormap.hex(e.rgb())));
            }
        }
        // item id → (subset, image file, gt prefix)
        Map<String, Entry> entries = new TreeMap<>();
        Path images = root.resolve(CityscapesFormat.IMAGES);
        for (Path split : dirs(images)) {
            for (Path f : walk(split)) {
                String rel = DatasetFiles.relative(split, f);
                String stem = DatasetFiles.stem(rel);
                if (!DatasetFiles.isImage(rel) || !stem.endsWith(CityscapesFormat.IMAGE_SUFFIX)) {
                    continue;
                }
                String id = stem.substring(0, stem.length() - CityscapesFormat.IMAGE_SUFFIX.length());
                entries.computeIfAbsent(split.getFileName() + "\n" + id, k -> new Entry(split.getFileName().toString(), id)).image = f;
            }
        }
        Path gt = root.resolve(CityscapesFormat.GT);
        for (Path split : dirs(gt)) {
            for (Path f : walk(split)) {
                String rel = DatasetFiles.relative(split, f);
                for (String suffix : List.of(CityscapesFormat.INSTANCE_SUFFIX, CityscapesFormat.LABEL_SUFFIX)) {
                    if (rel.endsWith(suffix)) {
                        String id = rel.substring(0, rel.length() - suffix.length());
                        Entry e = entries.computeIfAbsent(split.getFileName() + "\n" + id, k -> new Entry(split.getFileName().toString(), id));
                        if (suffix.equals(CityscapesFormat.INSTANCE_SUFFIX)) {
                            e.instances = f;
                        } else {
                            e.labels = f;
                        }
                    }
                }
            }
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> warned = new HashSet<>();
        for (Entry e : entries.values()) {
            String where = "item " + e.id;
            Optional<ImageSize> size = Optional.empty();
            if (e.image == null) {
                report.warn(new FieldError(where, "image", CityscapesFormat.IMAGES + "/" + e.subset + "/" + e.id
                        + CityscapesFormat.IMAGE_SUFFIX + ".png", "expected the image of the annotation (missing)"));
            } else {
                size = ImageProbe.size(e.image);
                if (size.isEmpty()) {
                    report.warn(new FieldError(DatasetFiles.relative(root, e.image), "image", e.image.getFileName().toString(),
                            "expected a readable image (its size is unknown)"));
                }
            }
            List<Annotation> annotations = new ArrayList<>();
            Path gtFile = e.instances != null ? e.instances : e.labels;
            if (gtFile != null) {
                try {
                    annotations = masks(gtFile, DatasetFiles.relative(root, gtFile), size, table, e.instances != null, report, warned);
                } catch (ValidationException ex) {
                    report.error(ex);
                }
            }
            String id = ids.add(e.id) ? e.id : e.subset + "/" + e.id;
            ids.add(id);
            Path imagePath = e.image != null ? e.image
                    : images.resolve(e.subset).resolve(e.id + CityscapesFormat.IMAGE_SUFFIX + ".png");
            items.add(new Item(id, new ImageRef(imagePath.toString(), size, Optional.empty()), e.subset, annotations, Map.of()));
        }
        LabelSchema frozen = schema.build();
        return Dataset.streaming(frozen, items::stream);
    }

    private static List<Annotation> masks(Path file, String shown, Optional<ImageSize> size, ClassTable table,
            boolean instanceIds, ImportReport report, Set<String> warned) throws IOException {
        LabelImage img = PalettePng.read(file).orElseThrow(() -> new ValidationException(
                new FieldError(shown, "png", file.getFileName().toString(), "expected a readable PNG; masks skipped")));
        if (img.encoding() == LabelImage.Encoding.RGB) {
            throw new ValidationException(new FieldError(shown, "png", "colour",
                    "expected a grayscale PNG of ids (a colour PNG is the _color file); masks skipped"));
        }
        if (size.isPresent() && (size.get().width() != img.width() || size.get().height() != img.height())) {
            throw new ValidationException(new FieldError(shown, "size", img.width() + "x" + img.height(),
                    "expected the size of the image, " + size.get().width() + "x" + size.get().height() + "; masks skipped"));
        }
        List<Annotation> out = new ArrayList<>();
        for (Map.Entry<Integer, Rle> m : ValueMasks.split(img.values(), img.height(), img.width()).entrySet()) {
            int value = m.getKey();
            int classValue = instanceIds && value >= 1000 ? value / 1000 : value;
            if (classValue == 0) {
                continue;
            }
            Optional<ClassTable.Entry> cls = table.get(classValue);
            if (cls.isEmpty()) {
                if (warned.add(shown + value)) {
                    report.warn(new FieldError(shown, "value", Integer.toString(value),
                            "expected a class id of the label table" + (table.standard() ? " (0-33)" : "") + "; pixels ignored"));
                }
                continue;
            }
            AnnotationInfo info = AnnotationInfo.of(LabelId.of(classValue));
            if (instanceIds && value < 1000 && cls.get().hasInstances()) {
                info = info.withAttribute(CityscapesFormat.ISCROWD, AttributeValue.of(true));
            }
            out.add(new MaskAnnotation(info, m.getValue()));
        }
        return out;
    }

    private static List<Path> dirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** What was found for one item. */
    private static final class Entry {
        final String subset;
        final String id;
        Path image;
        Path instances;
        Path labels;

        Entry(String subset, String id) {
            this.subset = subset;
            this.id = id;
        }
    }
}
