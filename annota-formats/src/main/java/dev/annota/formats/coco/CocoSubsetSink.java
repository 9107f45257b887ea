package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The images and annotation records of one subset, written to temporary fragments as items arrive. */
final class CocoSubsetSink {
    private final Path folder;
    private final String subset;
    private final LabelSchema schema;
    private final ImportReport report;
    private final Path imagesTmp;
    private final Path annotationsTmp;
    private final JsonGenerator images;
    private final JsonGenerator annotations;
    private final Set<String> fileNames = new HashSet<>();
    private long nextImageId = 1;
    private long nextAnnotationId = 1;

    CocoSubsetSink(Path folder, String subset, LabelSchema schema, ImportReport report) throws IOException {
        this.folder = folder;
        this.subset = subset;
        this.schema = schema;
        this.report = report;
        Path dir = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        this.imagesTmp = Files.createTempFile(dir, ".images-" + subset, ".part");
        this.annotationsTmp = Files.createTempFile(dir, ".annotations-" + subset, ".part");
        this.images = fragment(imagesTmp);
        this.annotations = fragment(annotationsTmp);
    }

    /** A generator that writes root-level values separated by commas: the inside of a JSON array. */
    private static JsonGenerator fragment(Path file) throws IOException {
        JsonGenerator g = CocoWriter.JSON.getFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
        g.setRootValueSeparator(new SerializedString(","));
        g.setCodec(CocoWriter.JSON);
        return g;
    }

    String subset() {
        return subset;
    }

    void add(Item item) throws IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        Optional<ImageSize> size = item.image().size().or(() -> ImageProbe.size(source));
        if (size.isEmpty()) {
            report.error(new FieldError(where, "image.size", item.image().location(),
                    "expected a known image size (COCO needs width and height); item skipped"));
            return;
        }
        String fileName = fileName(item, source);
        copyImage(source, fileName, where);
        long imageId = nextImageId++;
        images.writeStartObject();
        images.writeNumberField("id", imageId);
        images.writeStringField("file_name", fileName);
        images.writeNumberField("width", size.get().width());
        images.writeNumberField("height", size.get().height());
        images.writeEndObject();
        for (List<Annotation> record : records(item, where)) {
            CocoRecordWriter.write(record, size.get(), nextAnnotationId++, imageId, annotations);
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

    private String fileName(Item item, Path source) {
        String name = source.getFileName() == null ? item.id() : source.getFileName().toString();
        if (!fileNames.add(name)) {
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            name = item.id().replaceAll("[^A-Za-z0-9._-]", "_") + ext;
            fileNames.add(name);
        }
        return name;
    }

    private void copyImage(Path source, String fileName, String where) throws IOException {
        Path target = folder.resolve(CocoFormat.IMAGES_DIR).resolve(subset).resolve(fileName);
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", source.toString(), "expected an image file to copy; only annotations written"));
            return;
        }
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    void copyImages(OutputStream out) throws IOException {
        images.close();
        Files.copy(imagesTmp, out);
    }

    void copyAnnotations(OutputStream out) throws IOException {
        annotations.close();
        Files.copy(annotationsTmp, out);
    }

    void discard() throws IOException {
        images.close();
        annotations.close();
        Files.deleteIfExists(imagesTmp);
        Files.deleteIfExists(annotationsTmp);
    }
}
