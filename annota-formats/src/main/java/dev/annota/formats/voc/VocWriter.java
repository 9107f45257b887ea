package dev.annota.formats.voc;

import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Tag;
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
import dev.annota.formats.masks.PaletteFile;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ValueMasks;
import dev.annota.formats.masks.VocColormap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the VOC layout, streaming the items: per item {@code JPEGImages/<id>.<ext>} (copied),
 * {@code Annotations/<id>.xml} and, when it has masks or polygons, {@code SegmentationClass/<id>.png} and
 * {@code SegmentationObject/<id>.png} (indexed PNGs with the VOC colour map); at the end the
 * {@code ImageSets} lists (the per-class lists only for classes used as tags) and {@code labelmap.txt}
 * (background at index 0, then the classes in id order: index = palette value). Objects are planned by
 * {@link VocObjectPlan}; overlapping masks keep the later one's pixels (warned); at most 254 instances fit
 * in SegmentationObject (255 is void); tags with attributes other than {@code difficult} lose them (warned).
 * Scores and z-order are not held (warned). Box coordinates are written as x, y, x+w, y+h.
 */
final class VocWriter implements DatasetWriter {
    private static final int MAX_INSTANCES = 254;

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        LabelSchema schema = dataset.schema();
        Map<LabelId, Integer> index = new HashMap<>();
        List<LabelClass> ordered = new ArrayList<>();
        Optional<LabelClass> background = schema.classes().stream().filter(c -> MasksFormat.isBackground(c.name())).findFirst();
        background.ifPresent(b -> index.put(b.id(), 0));
        for (LabelClass c : schema.classes()) {
            if (background.isEmpty() || !background.get().id().equals(c.id())) {
                index.put(c.id(), ordered.size() + 1);
                ordered.add(c);
            }
        }
        if (ordered.size() >= VocFormat.VOID) {
            report.warn(new FieldError("", "classes", Integer.toString(ordered.size()),
                    "expected at most 254 classes (index 255 is void); masks of the later classes are not written"));
        }
        State state = new State(folder, schema, index, report);
        ItemStreams.forEach(dataset.items(), state::write);
        state.writeLists();
        List<PaletteFile.Entry> entries = new ArrayList<>();
        entries.add(new PaletteFile.Entry(0, background.map(LabelClass::name).orElse("background"), 0, List.of(), List.of(), 0));
        for (int i = 0; i < ordered.size(); i++) {
            String name = ordered.get(i).name();
            entries.add(new PaletteFile.Entry(i + 1, name, VocColormap.colour(Math.min(i + 1, 255)),
                    List.copyOf(state.partsSeen.getOrDefault(name, Set.of())),
                    List.copyOf(state.actionsSeen.getOrDefault(name, Set.of())), 0));
        }
        DatasetFiles.writeText(folder.resolve(VocFormat.LABELMAP), PaletteFile.labelmap(entries));
    }

    /** What the streamed pass collects for the lists written at the end. */
    private static final class State {
        final Path folder;
        final LabelSchema schema;
        final Map<LabelId, Integer> index;
        final ImportReport report;
        final Map<String, Map<String, List<String>>> lists = new LinkedHashMap<>(); // task → subset → ids
        final Map<String, Map<String, Map<LabelId, String>>> tagValues = new LinkedHashMap<>(); // subset → id → label → 1/0
        final Set<LabelId> tagClasses = new TreeSet<>();
        final Map<String, Set<String>> partsSeen = new HashMap<>();
        final Map<String, Set<String>> actionsSeen = new HashMap<>();

        State(Path folder, LabelSchema schema, Map<LabelId, Integer> index, ImportReport report) {
            this.folder = folder;
            this.schema = schema;
            this.index = index;
            this.report = report;
        }

        void write(Item item) throws IOException {
            String where = "item " + item.id();
            Path source = Path.of(item.image().location());
            String ext = DatasetFiles.extension(source.getFileName() == null ? "" : source.getFileName().toString());
            Path image;
            Path xml;
            try {
                image = SafePaths.resolveInside(folder.resolve(VocFormat.IMAGES), item.id() + (ext.isEmpty() ? ".jpg" : ext), where, "id");
                xml = SafePaths.resolveInside(folder.resolve(VocFormat.ANNOTATIONS), item.id() + ".xml", where, "id");
                SafePaths.resolveInside(folder.resolve(VocFormat.IMAGE_SETS).resolve("Main"), item.subset() + ".txt", where, "subset");
            } catch (ValidationException e) {
                report.error(e);
                return;
            }
            DatasetFiles.copyImage(source, image, report, where);
            Optional<ImageSize> size = item.image().size().or(() -> ImageProbe.size(source));
            VocObjectPlan plan = VocObjectPlan.of(item, schema, size, report);
            boolean segmented = plan.objects.stream().anyMatch(o -> o.mask().isPresent()) || !plan.looseMasks.isEmpty();
            if (segmented && size.isEmpty()) {
                report.error(new FieldError(where, "image.size", item.image().location(),
                        "expected a known image size for the segmentation PNGs; masks not written"));
                segmented = false;
            }
            if (segmented) {
                writePngs(item, size.get(), plan);
            }
            String fileName = image.getFileName().toString();
            DatasetFiles.writeText(xml, VocXmlWriter.xml(item.id(), fileName, size, segmented, plan, schema, report, actionsSeen));
            add("Main", item.subset(), item.id());
            if (segmented) {
                add("Segmentation", item.subset(), item.id());
            }
            if (plan.objects.stream().anyMatch(o -> !o.parts().isEmpty())) {
                add("Layout", item.subset(), item.id());
            }
            for (VocObjectPlan.Obj o : plan.objects) {
                String label = schema.require(o.info().label()).name();
                o.parts().forEach(p -> partsSeen.computeIfAbsent(label, k -> new LinkedHashSet<>())
                        .add(schema.require(p.label()).name()));
            }
            tags(item, plan.tags);
        }

        private void tags(Item item, List<Tag> tags) {
            Map<LabelId, String> values = new HashMap<>();
            for (Tag t : tags) {
                int i = item.annotations().indexOf(t);
                String at = "item " + item.id() + ": annotations[" + i + "]";
                boolean difficult = t.info().attributes().get(VocFormat.DIFFICULT) instanceof AttributeValue.Flag f && f.value();
                Map<String, AttributeValue> rest = new java.util.TreeMap<>(t.info().attributes());
                rest.remove(VocFormat.DIFFICULT);
                MaskLosses.report(report, at, t.info().withAttributes(rest), Set.of(), false, "a VOC image-level label");
                if (values.containsKey(t.label())) {
                    report.warn(new FieldError(at, "label", schema.require(t.label()).name(),
                            "VOC lists each class once per image; the repeated tag is merged"));
                }
                values.merge(t.label(), difficult ? "0" : "1", (a, b) -> a.equals("1") || b.equals("1") ? "1" : "0");
                tagClasses.add(t.label());
            }
            tagValues.computeIfAbsent(item.subset(), k -> new LinkedHashMap<>()).put(item.id(), values.isEmpty() ? Map.of() : values);
        }

        private void writePngs(Item item, ImageSize size, VocObjectPlan plan) throws IOException {
            int w = size.width(), h = size.height();
            int[] classes = new int[w * h];
            int[] instances = new int[w * h];
            int instance = 0;
            List<Paint> paints = new ArrayList<>();
            for (VocObjectPlan.Obj o : plan.objects) {
                instance++;
                if (o.mask().isPresent()) {
                    paints.add(new Paint(o.index(), o.mask().get(), o.info().label(), instance));
                }
            }
            for (MaskAnnotation m : plan.looseMasks) {
                int i = item.annotations().indexOf(m);
                MaskLosses.report(report, "item " + item.id() + ": annotations[" + i + "]", m.info(), Set.of(), false, "a VOC mask");
                paints.add(new Paint(i, m.mask(), m.label(), ++instance));
            }
            for (Paint p : paints) {
                String at = "item " + item.id() + ": annotations[" + p.annotation + "]";
                if (p.mask.width() != w || p.mask.height() != h) {
                    report.error(new FieldError(at, "mask", p.mask.width() + "x" + p.mask.height(),
                            "expected a mask of the image size " + w + "x" + h + "; not written"));
                    continue;
                }
                int cls = index.getOrDefault(p.label, 0);
                if (cls == 0 || cls >= VocFormat.VOID || p.instance > MAX_INSTANCES) {
                    report.warn(new FieldError(at, "mask", schema.require(p.label).name(), cls == 0
                            ? "the background class has palette index 0, which is no mask; not written"
                            : "expected at most 254 classes and 254 instances per image (255 is void); not written"));
                    continue;
                }
                ValueMasks.paint(classes, w, p.mask, cls, 0);
                long overlap = ValueMasks.paint(instances, w, p.mask, p.instance, 0);
                if (overlap > 0) {
                    report.warn(new FieldError(at, "mask", overlap + " pixels",
                            "expected masks that do not overlap; VOC gives each pixel one object, the later one"));
                }
            }
            int[] palette = VocColormap.palette();
            PalettePng.writeIndexed(folder.resolve(VocFormat.SEG_CLASS).resolve(item.id() + ".png"), w, h, classes, palette);
            PalettePng.writeIndexed(folder.resolve(VocFormat.SEG_OBJECT).resolve(item.id() + ".png"), w, h, instances, palette);
        }

        private void add(String task, String subset, String id) {
            lists.computeIfAbsent(task, k -> new LinkedHashMap<>()).computeIfAbsent(subset, k -> new ArrayList<>()).add(id);
        }

        void writeLists() throws IOException {
            Path sets = folder.resolve(VocFormat.IMAGE_SETS);
            for (Map.Entry<String, Map<String, List<String>>> task : lists.entrySet()) {
                for (Map.Entry<String, List<String>> subset : task.getValue().entrySet()) {
                    DatasetFiles.writeText(sets.resolve(task.getKey()).resolve(subset.getKey() + ".txt"),
                            String.join("\n", subset.getValue()) + "\n");
                }
            }
            for (LabelId label : tagClasses) {
                String name = schema.require(label).name();
                for (Map.Entry<String, Map<String, Map<LabelId, String>>> subset : tagValues.entrySet()) {
                    StringBuilder sb = new StringBuilder();
                    subset.getValue().forEach((id, values) -> {
                        String v = values.getOrDefault(label, "-1");
                        sb.append(id).append(v.equals("-1") ? " " : "  ").append(v).append('\n');
                    });
                    DatasetFiles.writeText(sets.resolve("Main").resolve(name + "_" + subset.getKey() + ".txt"), sb.toString());
                }
            }
        }
    }

    private record Paint(int annotation, Rle mask, LabelId label, int instance) {
    }
}
