package dev.annota.formats.masks;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes the generic masks layout (rules in {@link MasksFormat}), one item at a time. */
final class MasksWriter implements DatasetWriter {
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        LabelSchema schema = dataset.schema();
        List<PaletteFile.Entry> entries = new ArrayList<>();
        Map<LabelId, Integer> values = new HashMap<>();
        Optional<LabelClass> background = schema.classes().stream().filter(c -> MasksFormat.isBackground(c.name())).findFirst();
        entries.add(new PaletteFile.Entry(0, background.map(LabelClass::name).orElse("background"), 0, List.of(), List.of(), 0));
        background.ifPresent(b -> values.put(b.id(), 0));
        for (LabelClass c : schema.classes()) {
            if (background.isPresent() && background.get().id().equals(c.id())) {
                continue;
            }
            int v = entries.size();
            values.put(c.id(), v);
            entries.add(new PaletteFile.Entry(v, c.name(), VocColormap.colour(v & 0xFF), List.of(), List.of(), v));
        }
        int[] palette = entries.stream().mapToInt(PaletteFile.Entry::rgb).toArray();
        boolean gray16 = entries.size() > 256;
        if (gray16) {
            report.warn(new FieldError("", "classes", Integer.toString(entries.size()),
                    "expected at most 256 classes for indexed PNGs; masks are written as 16-bit gray PNGs"));
        }
        Set<String> subsetsWarned = new HashSet<>();
        ItemStreams.forEach(dataset.items(), item -> {
            if (!item.subset().equals(Item.DEFAULT_SUBSET) && subsetsWarned.add(item.subset())) {
                report.warn(new FieldError("item " + item.id(), "subset", item.subset(),
                        "the semantic-mask layout has no subsets; the items of this subset are written with the others"));
            }
            writeItem(item, folder, values, palette, gray16, report);
        });
        DatasetFiles.writeText(folder.resolve(MasksFormat.PALETTE_FILE), PaletteFile.labelmap(entries));
    }

    private static void writeItem(Item item, Path folder, Map<LabelId, Integer> values, int[] palette, boolean gray16,
            ImportReport report) throws IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        Optional<ImageSize> size = ImageProbe.sizeOrSkip(item, "a mask PNG needs it", report);
        if (size.isEmpty()) {
            return;
        }
        Path image;
        Path mask;
        try {
            String ext = DatasetFiles.extension(source.getFileName() == null ? "" : source.getFileName().toString());
            image = SafePaths.resolveInside(folder.resolve(MasksFormat.IMAGES_DIR), item.id() + ext, where, "id");
            mask = SafePaths.resolveInside(folder.resolve(MasksFormat.MASKS_DIR), item.id() + ".png", where, "id");
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        DatasetFiles.copyImage(source, image, report, where);
        int w = size.get().width(), h = size.get().height();
        int[] pixels = new int[w * h];
        Set<Integer> painted = new HashSet<>();
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            String at = where + ": annotations[" + i + "]";
            Optional<Rle> rle = pixels(a, size.get(), at, report);
            if (rle.isEmpty()) {
                continue;
            }
            Integer v = values.get(a.label());
            if (v == null) {
                report.error(new FieldError(at, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                continue;
            }
            MaskLosses.report(report, at, a.info(), Set.of(), false, "a semantic mask");
            if (a.info().groupId().isPresent()) {
                report.warn(new FieldError(at, "groupId", Integer.toString(a.info().groupId().getAsInt()),
                        "a semantic mask cannot hold groups; not written"));
            }
            if (!painted.add(v)) {
                report.warn(new FieldError(at, "mask", a.label().toString(),
                        "a semantic mask holds one region per class; merged with the earlier mask of this class"));
            }
            long overlap = ValueMasks.paint(pixels, w, rle.get(), v, 0);
            if (overlap > 0) {
                report.warn(new FieldError(at, "mask", overlap + " pixels",
                        "expected masks that do not overlap; the overlapping pixels belong to this later mask"));
            }
        }
        if (gray16) {
            PalettePng.writeGray(mask, w, h, pixels, true);
        } else {
            PalettePng.writeIndexed(mask, w, h, pixels, palette);
        }
    }

    /** The pixels of a mask or polygon (rasterised, with a warning); empty and reported for other kinds. */
    static Optional<Rle> pixels(Annotation a, ImageSize size, String at, ImportReport report) {
        if (a instanceof MaskAnnotation m) {
            if (m.mask().width() != size.width() || m.mask().height() != size.height()) {
                report.error(new FieldError(at, "mask", m.mask().width() + "x" + m.mask().height(),
                        "expected a mask of the image size " + size.width() + "x" + size.height() + "; annotation skipped"));
                return Optional.empty();
            }
            return Optional.of(m.mask());
        }
        if (a instanceof PolygonAnnotation p) {
            report.warn(new FieldError(at, "kind", "polygon", "a mask PNG holds pixels; the polygon is rasterised"));
            return Optional.of(PolygonRasterizer.rasterize(p.polygon(), size));
        }
        report.warn(new FieldError(at, "kind", a.kind().wireName(), "a semantic mask cannot hold this kind; annotation not written"));
        return Optional.empty();
    }
}
