package dev.annota.formats.masks;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the generic masks layout (see {@link MasksFormat}). Masks are decoded when the dataset is read, one
 * image at a time; what is kept per item is its run-length masks.
 */
final class MasksReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        Path images = root.resolve(MasksFormat.IMAGES_DIR);
        Path masks = root.resolve(MasksFormat.MASKS_DIR);
        if (!Files.isDirectory(masks)) {
            throw new ValidationException(new FieldError(root.toString(), MasksFormat.MASKS_DIR, null,
                    "expected a folder " + MasksFormat.MASKS_DIR + "/ of mask PNGs"));
        }
        LabelSchema.Builder schema = LabelSchema.builder();
        Optional<Path> paletteFile = PaletteFile.find(root);
        ClassTable table = paletteFile.isPresent()
                ? ClassTable.of(PaletteFile.read(paletteFile.get(), paletteFile.get().getFileName().toString(), report::warn,
                        report::error), schema)
                : ClassTable.none(report, root);
        List<Path> imageFiles = files(images, p -> DatasetFiles.isImage(p.getFileName().toString()));
        Map<String, Path> maskFiles = new HashMap<>();
        for (Path m : files(masks, p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))) {
            maskFiles.put(DatasetFiles.stem(DatasetFiles.relative(masks, m)), m);
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path image : imageFiles) {
            String id = DatasetFiles.stem(DatasetFiles.relative(images, image));
            if (!seen.add(id)) {
                report.warn(new FieldError(DatasetFiles.relative(root, image), "file", id,
                        "expected one image per item id; this file is ignored"));
                continue;
            }
            Optional<ImageSize> size = ImageProbe.size(image);
            if (size.isEmpty()) {
                report.warn(new FieldError(DatasetFiles.relative(root, image), "image", image.getFileName().toString(),
                        "expected a readable image (its size is unknown)"));
            }
            List<Annotation> annotations = new ArrayList<>();
            Path mask = maskFiles.remove(id);
            if (mask == null) {
                report.warn(new FieldError(DatasetFiles.relative(root, image), "mask", MasksFormat.MASKS_DIR + "/" + id + ".png",
                        "expected a mask PNG for the image; the item has no annotations"));
            } else {
                try {
                    annotations.addAll(readMask(mask, DatasetFiles.relative(root, mask), size, table, schema, report));
                } catch (ValidationException e) {
                    report.error(e);
                }
            }
            items.add(new Item(id, new ImageRef(image.toString(), size, Optional.empty()), Item.DEFAULT_SUBSET,
                    annotations, Map.of()));
        }
        for (Map.Entry<String, Path> orphan : maskFiles.entrySet()) {
            report.warn(new FieldError(DatasetFiles.relative(root, orphan.getValue()), "image", orphan.getKey(),
                    "expected an image in " + MasksFormat.IMAGES_DIR + "/ for the mask; mask ignored"));
        }
        LabelSchema frozen = schema.build();
        return Dataset.streaming(frozen, items::stream);
    }

    static List<Path> files(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    private static List<Annotation> readMask(Path file, String location, Optional<ImageSize> size, ClassTable table,
            LabelSchema.Builder schema, ImportReport report) throws IOException {
        LabelImage image = PalettePng.read(file).orElseThrow(() -> new ValidationException(
                new FieldError(location, "mask", file.getFileName().toString(), "expected a readable PNG")));
        if (size.isPresent() && (size.get().width() != image.width() || size.get().height() != image.height())) {
            throw new ValidationException(new FieldError(location, "size", image.width() + "x" + image.height(),
                    "expected the size of the image, " + size.get().width() + "x" + size.get().height() + "; mask skipped"));
        }
        List<Annotation> out = new ArrayList<>();
        for (Map.Entry<Integer, Rle> e : ValueMasks.split(image.values(), image.height(), image.width()).entrySet()) {
            table.label(e.getKey(), image.encoding(), location, schema, report)
                    .ifPresent(label -> out.add(MaskAnnotation.of(label, e.getValue())));
        }
        return out;
    }

    /** Pixel values (or colours) to classes, from the palette file or made up as {@code class_<value>}. */
    static final class ClassTable {
        private final Optional<PaletteFile> palette;
        private final Map<Integer, LabelId> labels = new HashMap<>();
        private final Set<Integer> background = new HashSet<>();
        private final Set<String> warned = new HashSet<>();

        private ClassTable(Optional<PaletteFile> palette) {
            this.palette = palette;
        }

        static ClassTable of(PaletteFile palette, LabelSchema.Builder schema) {
            ClassTable t = new ClassTable(Optional.of(palette));
            for (PaletteFile.Entry e : palette.entries()) {
                if (MasksFormat.isBackground(e.name())) {
                    t.background.add(e.value());
                    continue;
                }
                LabelId id = schema.byName(e.name()).map(LabelClass::id).orElseGet(() -> schema.add(e.name()));
                schema.update(schema.get(id).orElseThrow().withColour(VocColormap.hex(e.rgb())));
                t.labels.put(e.value(), id);
            }
            return t;
        }

        static ClassTable none(ImportReport report, Path root) {
            report.warn(new FieldError(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                    "palette", null, "expected a palette file (one of " + PaletteFile.FILE_NAMES
                            + "); classes are named class_<value>"));
            return new ClassTable(Optional.empty());
        }

        Optional<LabelId> label(int raw, LabelImage.Encoding encoding, String location, LabelSchema.Builder schema,
                ImportReport report) {
            int value = raw;
            if (encoding == LabelImage.Encoding.RGB) {
                var v = palette.isPresent() ? palette.get().valueOfColour(raw) : java.util.OptionalInt.empty();
                if (v.isEmpty()) {
                    if (raw != 0) {
                        warnOnce(location, "colour", VocColormap.hex(raw), "expected a colour listed in the palette; pixels ignored", report);
                    }
                    return Optional.empty();
                }
                value = v.getAsInt();
            }
            if (background.contains(value)) {
                return Optional.empty();
            }
            LabelId id = labels.get(value);
            if (id != null) {
                return Optional.of(id);
            }
            if (palette.isEmpty()) {
                if (value == 0 || value == 255) {
                    return Optional.empty();
                }
                LabelId made = schema.getOrAdd("class_" + value);
                labels.put(value, made);
                return Optional.of(made);
            }
            if (value != 0 && value != 255) {
                warnOnce(location, "value", Integer.toString(value), "expected a value listed in the palette; pixels ignored", report);
            }
            return Optional.empty();
        }

        private void warnOnce(String location, String field, String value, String expected, ImportReport report) {
            if (warned.add(location + field + value)) {
                report.warn(new FieldError(location, field, value, expected));
            }
        }
    }
}
