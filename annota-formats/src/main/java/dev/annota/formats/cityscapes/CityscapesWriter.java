package dev.annota.formats.cityscapes;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import dev.annota.formats.masks.DatasetFiles;
import dev.annota.formats.masks.MaskLosses;
import dev.annota.formats.masks.MasksFormat;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ValueMasks;
import dev.annota.formats.masks.VocColormap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code leftImg8bit/<subset>/<id>_leftImg8bit.<ext>} (the image copied) and
 * {@code gtFine/<subset>/<id>_gtFine_{labelIds,instanceIds,color}.png} per item, streaming.
 *
 * <p>When every class name is a Cityscapes class (Datumaro's squashed names like "outofroi" too) the standard
 * ids and colours are used; otherwise {@code label_colors.txt} is written, background at value 0 and the
 * classes in id order from 1 (value = line position), each allowed instances. A mask of a class with
 * instances is instance {@code k} ({@code id * 1000 + k}, k from 0 per class and image) unless it has the
 * flag {@code iscrowd}, which is written as the bare class id; a "stuff" class holds one region per image, so
 * several masks of it merge (warned). Polygons are rasterised (warned); other kinds, attributes other than
 * {@code iscrowd}, the occluded flag, scores, z-order and groups are not written (warned). Overlapping masks
 * keep the later one's pixels (warned).
 */
final class CityscapesWriter implements DatasetWriter {
    private static final int MAX_16_BIT = 65535;

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        LabelSchema schema = dataset.schema();
        boolean standard = schema.classes().stream().allMatch(c -> CityscapesLabels.standard(c.name()).isPresent());
        Map<LabelId, ClassTable.Entry> classes = new HashMap<>();
        StringBuilder labelColors = new StringBuilder("0 0 0 background\n");
        int next = 1;
        for (LabelClass c : schema.classes()) {
            if (standard) {
                CityscapesLabels.Label l = CityscapesLabels.standard(c.name()).orElseThrow();
                classes.put(c.id(), new ClassTable.Entry(l.id(), l.name(), l.hasInstances(), l.rgb()));
            } else if (MasksFormat.isBackground(c.name())) {
                classes.put(c.id(), new ClassTable.Entry(0, c.name(), false, 0));
            } else {
                int rgb = VocColormap.parseHex(c.colour());
                classes.put(c.id(), new ClassTable.Entry(next, c.name(), true, rgb));
                labelColors.append((rgb >> 16) & 0xFF).append(' ').append((rgb >> 8) & 0xFF).append(' ').append(rgb & 0xFF)
                        .append(' ').append(c.name()).append('\n');
                next++;
            }
        }
        if (next > 256) {
            report.warn(new FieldError("", "classes", Integer.toString(next - 1),
                    "expected at most 255 classes (labelIds PNGs are 8-bit); masks of the later classes are not written"));
        }
        ItemStreams.forEach(dataset.items(), item -> writeItem(item, folder, classes, report));
        if (!standard) {
            DatasetFiles.writeText(folder.resolve(CityscapesFormat.LABEL_COLORS), labelColors.toString());
        }
    }

    private static void writeItem(Item item, Path folder, Map<LabelId, ClassTable.Entry> classes, ImportReport report)
            throws IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        Optional<ImageSize> size = item.image().size().or(() -> ImageProbe.size(source));
        String ext = DatasetFiles.extension(source.getFileName() == null ? "" : source.getFileName().toString());
        Path image;
        Path gt;
        try {
            image = SafePaths.resolveInside(folder.resolve(CityscapesFormat.IMAGES).resolve(item.subset()),
                    item.id() + CityscapesFormat.IMAGE_SUFFIX + (ext.isEmpty() ? ".png" : ext), where, "id");
            gt = SafePaths.resolveInside(folder.resolve(CityscapesFormat.GT).resolve(item.subset()), item.id(), where, "id");
            SafePaths.resolveInside(folder, CityscapesFormat.GT + "/" + item.subset(), where, "subset");
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        DatasetFiles.copyImage(source, image, report, where);
        if (size.isEmpty()) {
            report.error(new FieldError(where, "image.size", item.image().location(),
                    "expected a known image size (the id PNGs need it); annotations not written"));
            return;
        }
        int w = size.get().width(), h = size.get().height();
        int[] labelIds = new int[w * h];
        int[] instanceIds = new int[w * h];
        Map<Integer, Integer> nextInstance = new HashMap<>();
        Set<Integer> stuffPainted = new HashSet<>();
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            String at = where + ": annotations[" + i + "]";
            Optional<Rle> rle = pixels(a, size.get(), at, report);
            if (rle.isEmpty()) {
                continue;
            }
            ClassTable.Entry cls = classes.get(a.label());
            if (cls == null) {
                report.error(new FieldError(at, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                continue;
            }
            if (cls.value() == 0 || cls.value() > 255) {
                report.warn(new FieldError(at, "label", cls.name(), cls.value() == 0
                        ? "value 0 is Cityscapes' unlabeled background, which is no mask; not written"
                        : "expected a class id below 256 (labelIds PNGs are 8-bit); not written"));
                continue;
            }
            boolean crowd = a.info().attributes().get(CityscapesFormat.ISCROWD) instanceof AttributeValue.Flag f && f.value();
            Map<String, AttributeValue> rest = new java.util.TreeMap<>(a.info().attributes());
            rest.remove(CityscapesFormat.ISCROWD);
            MaskLosses.report(report, at, a.info().withAttributes(rest), Set.of(), false, "Cityscapes");
            if (a.info().groupId().isPresent()) {
                report.warn(new FieldError(at, "groupId", Integer.toString(a.info().groupId().getAsInt()),
                        "Cityscapes cannot hold groups; not written"));
            }
            int value = cls.value();
            if (cls.hasInstances() && !crowd) {
                int k = nextInstance.merge(cls.value(), 1, Integer::sum) - 1;
                if (k < 1000 && cls.value() * 1000L + k <= MAX_16_BIT) {
                    value = cls.value() * 1000 + k;
                } else {
                    report.warn(new FieldError(at, "instance", Integer.toString(k),
                            "expected an instance id that fits id*1000+k in a 16-bit PNG; written as a crowd region"));
                }
            }
            if (value == cls.value() && !stuffPainted.add(value)) {
                report.warn(new FieldError(at, "mask", cls.name(),
                        "Cityscapes holds one region per class without instances; merged with the earlier mask of this class"));
            }
            ValueMasks.paint(labelIds, w, rle.get(), cls.value(), 0);
            long overlap = ValueMasks.paint(instanceIds, w, rle.get(), value, 0);
            if (overlap > 0) {
                report.warn(new FieldError(at, "mask", overlap + " pixels",
                        "expected masks that do not overlap; each pixel keeps the later mask"));
            }
        }
        int[] colours = new int[w * h];
        Map<Integer, Integer> colourOf = new HashMap<>();
        classes.values().forEach(c -> colourOf.put(c.value(), c.rgb()));
        for (int p = 0; p < colours.length; p++) {
            colours[p] = colourOf.getOrDefault(labelIds[p], 0);
        }
        String base = gt.getFileName().toString();
        PalettePng.writeGray(gt.resolveSibling(base + CityscapesFormat.LABEL_SUFFIX), w, h, labelIds, false);
        PalettePng.writeGray(gt.resolveSibling(base + CityscapesFormat.INSTANCE_SUFFIX), w, h, instanceIds, true);
        PalettePng.writeRgb(gt.resolveSibling(base + CityscapesFormat.COLOR_SUFFIX), w, h, colours);
    }

    private static Optional<Rle> pixels(Annotation a, ImageSize size, String at, ImportReport report) {
        if (a instanceof dev.annota.core.annotation.MaskAnnotation m) {
            if (m.mask().width() != size.width() || m.mask().height() != size.height()) {
                report.error(new FieldError(at, "mask", m.mask().width() + "x" + m.mask().height(),
                        "expected a mask of the image size " + size.width() + "x" + size.height() + "; annotation skipped"));
                return Optional.empty();
            }
            return Optional.of(m.mask());
        }
        if (a instanceof dev.annota.core.annotation.PolygonAnnotation p) {
            report.warn(new FieldError(at, "kind", "polygon", "Cityscapes id PNGs hold pixels; the polygon is rasterised"));
            return Optional.of(dev.annota.core.geometry.PolygonRasterizer.rasterize(p.polygon(), size));
        }
        report.warn(new FieldError(at, "kind", a.kind().wireName(), "Cityscapes cannot hold this kind; annotation not written"));
        return Optional.empty();
    }
}
