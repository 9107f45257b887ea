package dev.annota.formats.coco;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The images and annotation records of one subset of a COCO instances file, written as items arrive. */
final class CocoSubsetSink extends CocoSubsetFiles {
    private final LabelSchema schema;
    private final ImportReport report;
    private long nextAnnotationId = 1;

    CocoSubsetSink(Path folder, String subset, LabelSchema schema, ImportReport report) throws IOException {
        super(folder, subset, report, UnaryOperator.identity());
        this.schema = schema;
        this.report = report;
    }

    @Override
    public void add(Item item) throws IOException {
        String where = "item " + item.id();
        Optional<ImageSize> size = ImageProbe.sizeOrSkip(item, "COCO needs width and height", report);
        if (size.isEmpty()) {
            return;
        }
        long imageId = writeImage(copyImage(item, where), size.get());
        for (List<Annotation> record : records(item, where)) {
            CocoRecordWriter.write(record, size.get(), nextAnnotationId++, imageId, annotations());
        }
    }

    /** Groups an item's annotations into COCO records: one shape plus optional keypoints per group. */
    private List<List<Annotation>> records(Item item, String where) {
        Map<String, List<Annotation>> grouped = new LinkedHashMap<>();
        List<List<Annotation>> out = new ArrayList<>();
        for (int i = 0; i < item.annotations().size(); i++) {
            Optional<Annotation> held = convertible(item.annotations().get(i), where, i);
            if (held.isEmpty()) {
                continue;
            }
            Annotation a = held.get();
            if (a instanceof Tag || a.info().groupId().isEmpty()) {
                out.add(List.of(a));
                continue;
            }
            String key = a.info().groupId().getAsInt() + "/" + a.label().value();
            List<Annotation> group = grouped.computeIfAbsent(key, k -> new ArrayList<>());
            boolean isKp = a instanceof KeypointsAnnotation;
            boolean clash = group.stream().anyMatch(g -> (g instanceof KeypointsAnnotation) == isKp);
            if (clash) {
                out.add(List.of(a)); // a second shape (or keypoint set) in the group: a record of its own
            } else {
                group.add(a);
            }
        }
        out.addAll(grouped.values());
        return out;
    }

    /** The annotation as COCO can hold it; empty (and reported) when it cannot. */
    private Optional<Annotation> convertible(Annotation a, String item, int index) {
        if ((a instanceof Tag || a instanceof BoxAnnotation || a instanceof PolygonAnnotation
                || a instanceof MaskAnnotation || a instanceof KeypointsAnnotation) && schema.contains(a.label())) {
            return Optional.of(a); // the common case, without building the location of a problem
        }
        String where = item + ": annotations[" + index + "]";
        if (a instanceof RotatedBoxAnnotation r) {
            report.warn(new FieldError(where, "kind", "rotated_box", "COCO has no rotated boxes; written as a 4-point polygon"));
            return Optional.of(new PolygonAnnotation(r.info(), r.box().toPolygon()));
        }
        if (a instanceof EllipseAnnotation e) {
            report.warn(new FieldError(where, "kind", "ellipse", "COCO has no ellipses; written as a 64-point polygon"));
            return Optional.of(new PolygonAnnotation(e.info(), e.ellipse().toPolygon(64)));
        }
        if (a instanceof Tag || a instanceof BoxAnnotation || a instanceof PolygonAnnotation
                || a instanceof MaskAnnotation || a instanceof KeypointsAnnotation) {
            if (!schema.contains(a.label())) {
                report.error(new FieldError(where, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                return Optional.empty();
            }
            return Optional.of(a);
        }
        report.warn(new FieldError(where, "kind", a.kind().wireName(), "COCO cannot hold this kind; annotation not written"));
        return Optional.empty();
    }
}
