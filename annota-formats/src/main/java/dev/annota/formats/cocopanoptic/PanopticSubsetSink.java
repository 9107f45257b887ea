package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.CocoSubsetFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The images, PNGs and records of one subset, written as items arrive (JSON to temporary fragments). */
final class PanopticSubsetSink extends CocoSubsetFiles {
    private final LabelSchema schema;
    private final ImportReport report;
    private final Path pngDir;

    PanopticSubsetSink(Path folder, String subset, LabelSchema schema, ImportReport report) throws IOException {
        super(folder, subset, report, PanopticSubsetSink::pngName); // a.jpg and a.png would share a.png
        this.schema = schema;
        this.report = report;
        this.pngDir = folder.resolve(CocoPanopticFormat.ANNOTATIONS_DIR).resolve(CocoPanopticFormat.PREFIX + subset);
        Files.createDirectories(pngDir);
    }

    /** One painted segment: its id and the annotation it came from. */
    private record Painted(int id, int index, Annotation annotation) {
    }

    @Override
    public void add(Item item) throws IOException {
        String where = "item " + item.id();
        Optional<ImageSize> size = ImageProbe.sizeOrSkip(item, "the panoptic PNG needs it", report);
        if (size.isEmpty()) {
            return;
        }
        int w = size.get().width(), h = size.get().height();
        String fileName = copyImage(item, where);
        int[] ids = new int[w * h];
        List<Painted> painted = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        int nextId = 1;
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            String at = where + ": annotations[" + i + "]";
            Optional<Rle> mask = mask(a, h, w, at);
            if (mask.isEmpty()) {
                continue;
            }
            if (!schema.contains(a.label())) {
                report.error(new FieldError(at, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                continue;
            }
            unheld(a, at);
            int id;
            int group = a.info().groupId().orElse(0);
            if (group >= 1 && group <= PanopticPng.MAX_ID && !used.contains(group)) {
                id = group;
            } else {
                while (used.contains(nextId)) {
                    nextId++;
                }
                id = nextId;
            }
            used.add(id);
            Set<Integer> overwritten = paint(mask.get(), ids, w, id);
            for (Painted p : painted) {
                if (overwritten.contains(p.id())) {
                    report.warn(new FieldError(at, "mask", "overlaps annotations[" + p.index() + "]",
                            "expected segments that do not overlap (panoptic); the later annotation keeps the shared pixels"));
                }
            }
            painted.add(new Painted(id, i, a));
        }
        String pngName = pngName(fileName);
        writePng(pngDir.resolve(pngName), w, h, ids);
        long imageId = writeImage(fileName, size.get());
        writeRecord(imageId, pngName, painted, ids, w, h, where);
    }

    private void writeRecord(long imageId, String pngName, List<Painted> painted, int[] ids, int w, int h, String where)
            throws IOException {
        int n = painted.size();
        long[] area = new long[n];
        int[] minX = new int[n], minY = new int[n], maxX = new int[n], maxY = new int[n];
        java.util.Map<Integer, Integer> slot = new java.util.HashMap<>();
        for (int k = 0; k < n; k++) {
            slot.put(painted.get(k).id(), k);
            minX[k] = Integer.MAX_VALUE;
            minY[k] = Integer.MAX_VALUE;
            maxX[k] = -1;
            maxY[k] = -1;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int id = ids[y * w + x];
                if (id == 0) {
                    continue;
                }
                int k = slot.get(id);
                area[k]++;
                minX[k] = Math.min(minX[k], x);
                minY[k] = Math.min(minY[k], y);
                maxX[k] = Math.max(maxX[k], x);
                maxY[k] = Math.max(maxY[k], y);
            }
        }
        JsonGenerator annotations = annotations();
        annotations.writeStartObject();
        annotations.writeNumberField("image_id", imageId);
        annotations.writeStringField("file_name", pngName);
        annotations.writeArrayFieldStart("segments_info");
        for (int k = 0; k < n; k++) {
            Painted p = painted.get(k);
            if (area[k] == 0) {
                report.warn(new FieldError(where + ": annotations[" + p.index() + "]", "mask", "0 pixels",
                        "expected a segment with pixels (empty, or covered by later segments); not written"));
                continue;
            }
            boolean crowd = p.annotation().info().attributes().get(PanopticImage.ISCROWD) instanceof AttributeValue.Flag f && f.value();
            annotations.writeStartObject();
            annotations.writeNumberField("id", p.id());
            annotations.writeNumberField("category_id", p.annotation().label().value());
            annotations.writeNumberField("iscrowd", crowd ? 1 : 0);
            annotations.writeNumberField("area", area[k]);
            annotations.writeArrayFieldStart("bbox");
            annotations.writeNumber(minX[k]);
            annotations.writeNumber(minY[k]);
            annotations.writeNumber(maxX[k] - minX[k] + 1);
            annotations.writeNumber(maxY[k] - minY[k] + 1);
            annotations.writeEndArray();
            annotations.writeEndObject();
        }
        annotations.writeEndArray();
        annotations.writeEndObject();
    }

    /** The annotation's pixels in an {@code h × w} image; empty (and reported) when the format cannot hold it. */
    private Optional<Rle> mask(Annotation a, int h, int w, String at) {
        if (a instanceof MaskAnnotation m) {
            if (m.mask().height() != h || m.mask().width() != w) {
                report.warn(new FieldError(at, "mask", m.mask().width() + "x" + m.mask().height(),
                        "expected a mask of the image's size " + w + "x" + h + "; painted at the top left, cut to the image"));
            }
            return Optional.of(m.mask());
        }
        if (a instanceof PolygonAnnotation p) {
            report.warn(new FieldError(at, "kind", "polygon", "panoptic holds pixel segments; written as the polygon's mask"));
            return Optional.of(PolygonRasterizer.rasterize(p.polygon(), h, w));
        }
        if (a instanceof BoxAnnotation b) {
            report.warn(new FieldError(at, "kind", "bbox", "panoptic holds pixel segments; written as the box's mask"));
            return Optional.of(PolygonRasterizer.rasterize(b.box(), h, w));
        }
        if (a instanceof RotatedBoxAnnotation r) {
            report.warn(new FieldError(at, "kind", "rotated_box", "panoptic holds pixel segments; written as the box's mask"));
            return Optional.of(PolygonRasterizer.rasterize(r.box().toPolygon(), h, w));
        }
        if (a instanceof EllipseAnnotation e) {
            report.warn(new FieldError(at, "kind", "ellipse", "panoptic holds pixel segments; written as a 64-point polygon's mask"));
            return Optional.of(PolygonRasterizer.rasterize(e.ellipse().toPolygon(64), h, w));
        }
        report.warn(new FieldError(at, "kind", a.kind().wireName(), "COCO panoptic cannot hold this kind; annotation not written"));
        return Optional.empty();
    }

    /** Reports the attributes and score that panoptic records have no place for. */
    private void unheld(Annotation a, String at) {
        for (String name : a.info().attributes().keySet()) {
            if (!name.equals(PanopticImage.ISCROWD)) {
                report.warn(new FieldError(at, name, String.valueOf(a.info().attributes().get(name)),
                        "COCO panoptic has no attributes; not written"));
            }
        }
        if (a.info().confidence().isPresent()) {
            report.warn(new FieldError(at, "confidence", Double.toString(a.info().confidence().getAsDouble()),
                    "COCO panoptic has no scores; not written"));
        }
    }

    /** Paints {@code id} where the mask is set; returns the ids it painted over. */
    private static Set<Integer> paint(Rle mask, int[] ids, int w, int id) {
        Set<Integer> over = new HashSet<>();
        int mh = mask.height();
        int h = ids.length / Math.max(1, w);
        long pos = 0;
        boolean on = false;
        for (int c : mask.counts()) {
            if (on) {
                for (long k = pos; k < pos + c; k++) {
                    int x = (int) (k / mh), y = (int) (k % mh);
                    if (x < w && y < h) {
                        int old = ids[y * w + x];
                        if (old != 0) {
                            over.add(old);
                        }
                        ids[y * w + x] = id;
                    }
                }
            }
            pos += c;
            on = !on;
        }
        return over;
    }

    private static void writePng(Path target, int w, int h, int[] ids) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            PanopticPng.write(w, h, ids, out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code a.jpg} → {@code a.png}: the PNG of an image is named after it. */
    static String pngName(String imageFile) {
        int dot = imageFile.lastIndexOf('.');
        return (dot > 0 ? imageFile.substring(0, dot) : imageFile) + ".png";
    }
}
