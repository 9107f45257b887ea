package dev.annota.formats.voc;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.masks.DatasetFiles;
import dev.annota.formats.masks.PaletteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Reads a VOC folder (layout and mapping in {@link VocFormat}). */
final class VocReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ValidationException(new FieldError(path.toString(), "(folder)", null, "expected a VOC dataset folder"));
        }
        LabelSchema.Builder schema = LabelSchema.builder();
        Path labelmap = root.resolve(VocFormat.LABELMAP);
        VocLabels labels = Files.isRegularFile(labelmap)
                ? VocLabels.of(PaletteFile.read(labelmap, VocFormat.LABELMAP, report::warn, report::error).entries(), schema,
                        report, VocFormat.LABELMAP)
                : VocLabels.of(VocLabels.standard(), schema, report, "the standard VOC classes");
        VocImageSets sets = VocImageSets.read(root, labels, report);
        Map<String, String> subsets = new LinkedHashMap<>(sets.subsets());
        for (Path xml : files(root.resolve(VocFormat.ANNOTATIONS), ".xml")) {
            subsets.putIfAbsent(DatasetFiles.stem(DatasetFiles.relative(root.resolve(VocFormat.ANNOTATIONS), xml)), Item.DEFAULT_SUBSET);
        }
        for (String dir : List.of(VocFormat.SEG_CLASS, VocFormat.SEG_OBJECT)) {
            for (Path png : files(root.resolve(dir), ".png")) {
                subsets.putIfAbsent(DatasetFiles.stem(DatasetFiles.relative(root.resolve(dir), png)), Item.DEFAULT_SUBSET);
            }
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, String> e : subsets.entrySet()) {
            try {
                items.add(item(root, e.getKey(), e.getValue(), labels, sets.tags().getOrDefault(e.getKey(), List.of()), report));
            } catch (ValidationException ex) {
                report.error(ex);
            }
        }
        LabelSchema frozen = schema.build();
        return Dataset.streaming(frozen, items::stream);
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)).sorted().toList();
        }
    }

    private Item item(Path root, String id, String subset, VocLabels labels, List<Tag> tags, ImportReport report)
            throws IOException {
        String where = "item " + id;
        Path xmlFile = SafePaths.resolveInside(root, VocFormat.ANNOTATIONS + "/" + id + ".xml", where, "id");
        VocXmlReader.Parsed parsed = new VocXmlReader.Parsed(Optional.empty(), Optional.empty(), List.of());
        String xmlShown = VocFormat.ANNOTATIONS + "/" + id + ".xml";
        if (Files.isRegularFile(xmlFile)) {
            try {
                parsed = new VocXmlReader(xmlShown, labels, report).read(XmlNode.parse(xmlFile, xmlShown));
            } catch (ValidationException e) {
                report.error(e);
            }
        }
        Path image = image(root, id, parsed.fileName(), xmlShown, report);
        Optional<ImageSize> actual = ImageProbe.size(image);
        if (actual.isEmpty()) {
            report.warn(new FieldError(where, "image", DatasetFiles.relative(root, image),
                    "expected an image file in " + VocFormat.IMAGES + "/ (missing or unreadable)"));
        } else if (parsed.size().isPresent() && !parsed.size().get().equals(actual.get())) {
            ImageSize d = parsed.size().get();
            report.warn(new FieldError(xmlShown + " /annotation/size", "width/height", d.width() + "x" + d.height(),
                    "expected the size of the image file, " + actual.get().width() + "x" + actual.get().height()
                            + " (the file's size is used)"));
        }
        Optional<ImageSize> size = actual.isPresent() ? actual : parsed.size();

        List<VocXmlReader.VocObject> objects = parsed.objects();
        List<VocSegmentation.Segment> segments = List.of();
        Optional<Path> classPng = existing(SafePaths.resolveInside(root, VocFormat.SEG_CLASS + "/" + id + ".png", where, "id"));
        Optional<Path> objectPng = existing(SafePaths.resolveInside(root, VocFormat.SEG_OBJECT + "/" + id + ".png", where, "id"));
        try {
            segments = VocSegmentation.read(classPng, objectPng, root, size, labels, k -> objectLabel(objects, k), report);
        } catch (ValidationException e) {
            report.error(e);
        }
        return new Item(id, new ImageRef(image.toString(), size, Optional.empty()), subset,
                assemble(objects, segments, tags, id, report), Map.of());
    }

    /** Boxes, parts and masks in object order, an object's parts and instance mask in its group; then tags. */
    private static List<Annotation> assemble(List<VocXmlReader.VocObject> objects, List<VocSegmentation.Segment> segments,
            List<Tag> tags, String id, ImportReport report) {
        Map<Integer, MaskAnnotation> byInstance = new LinkedHashMap<>();
        List<Annotation> loose = new ArrayList<>();
        for (VocSegmentation.Segment s : segments) {
            OptionalInt k = s.instance();
            if (k.isPresent() && k.getAsInt() <= objects.size() && objects.get(k.getAsInt() - 1).box().isPresent()) {
                BoxAnnotation box = objects.get(k.getAsInt() - 1).box().get();
                if (box.label().equals(s.mask().label())) {
                    byInstance.put(k.getAsInt(), s.mask());
                    continue;
                }
                report.warn(new FieldError(VocFormat.SEG_OBJECT + "/" + id + ".png", "instance " + k.getAsInt(),
                        s.mask().label().toString(), "expected the class of object " + k.getAsInt() + " in the XML (label id "
                                + box.label() + "); the mask is kept apart from the box"));
            }
            loose.add(s.mask());
        }
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            VocXmlReader.VocObject o = objects.get(i);
            if (o.box().isEmpty()) {
                continue;
            }
            MaskAnnotation mask = byInstance.get(i + 1);
            boolean grouped = mask != null || !o.parts().isEmpty();
            int group = i + 1;
            BoxAnnotation box = o.box().get();
            out.add(grouped ? box.withInfo(box.info().withGroup(group)) : box);
            for (BoxAnnotation p : o.parts()) {
                out.add(p.withInfo(p.info().withGroup(group)));
            }
            if (mask != null) {
                out.add(mask.withInfo(mask.info().withGroup(group)));
            }
        }
        out.addAll(loose);
        out.addAll(tags);
        return out;
    }

    private static Optional<LabelId> objectLabel(List<VocXmlReader.VocObject> objects, int instance) {
        if (instance < 1 || instance > objects.size()) {
            return Optional.empty();
        }
        return objects.get(instance - 1).box().map(BoxAnnotation::label);
    }

    private static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The XML's file name under JPEGImages/ when it exists, else {@code <id>.<ext>} for the known extensions. */
    private static Path image(Path root, String id, Optional<String> fileName, String xmlShown, ImportReport report) {
        Path dir = root.resolve(VocFormat.IMAGES);
        if (fileName.isPresent()) {
            String parent = id.contains("/") ? id.substring(0, id.lastIndexOf('/') + 1) : "";
            for (String candidate : List.of(parent + fileName.get(), fileName.get())) {
                Path p = SafePaths.resolveInside(dir, candidate, xmlShown + " /annotation/filename", "filename");
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        for (String ext : DatasetFiles.IMAGE_EXTENSIONS) {
            for (String e : List.of(ext, ext.toUpperCase(Locale.ROOT))) {
                Path p = SafePaths.resolveInside(dir, id + "." + e, "item " + id, "id");
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return SafePaths.resolveInside(dir, fileName.orElse(id + ".jpg"), "item " + id, "id");
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
