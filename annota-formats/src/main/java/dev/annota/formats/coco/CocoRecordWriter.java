package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.geometry.RleOps;
import dev.annota.core.schema.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Annota annotations (one shape and/or one keypoint set of the same object) → one COCO record. {@code area}
 * follows pycocotools: the pixel area of the rasterised polygon or mask, w·h for a box; {@code bbox} is the
 * polygon's extent, the mask's {@code toBbox}, or the box itself.
 */
final class CocoRecordWriter {
    private CocoRecordWriter() {
    }

    /**
     * Writes the record as one JSON object: {@code id}, {@code image_id} and {@code category_id} first, as
     * people expect to read them, then the shape, keypoints, score and attributes. Streams straight into the
     * generator (no tree), since a large export writes millions of them.
     */
    static void write(List<Annotation> record, ImageSize size, long id, long imageId, JsonGenerator g) throws IOException {
        Annotation first = record.get(0);
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("image_id", imageId);
        g.writeNumberField("category_id", first.label().value());
        Map<String, AttributeValue> attrs = first.info().attributes();
        boolean crowd = attrs.get(CocoAttributes.ISCROWD) instanceof AttributeValue.Flag f && f.value();
        Annotation shape = null;
        KeypointsAnnotation keypoints = null;
        for (Annotation a : record) {
            if (a instanceof KeypointsAnnotation k) {
                keypoints = k;
            } else if (!(a instanceof dev.annota.core.annotation.Tag)) {
                shape = a;
            }
        }
        if (shape != null || keypoints != null) {
            g.writeNumberField("iscrowd", crowd ? 1 : 0);
        }
        if (shape instanceof PolygonAnnotation p) {
            g.writeArrayFieldStart("segmentation");
            for (List<Point> part : p.polygon().parts()) {
                g.writeStartArray();
                for (Point v : part) {
                    g.writeNumber(v.x());
                    g.writeNumber(v.y());
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            writeNumber(g, "area", PolygonRasterizer.area(p.polygon(), size));
            writeBox(g, p.polygon().boundingBox());
        } else if (shape instanceof MaskAnnotation m) {
            g.writeFieldName("segmentation");
            writeRle(g, m.mask(), crowd);
            writeNumber(g, "area", m.mask().area());
            writeBox(g, RleOps.toBbox(m.mask()));
        } else if (shape instanceof BoxAnnotation b) {
            g.writeArrayFieldStart("segmentation");
            g.writeEndArray();
            writeNumber(g, "area", b.box().area());
            writeBox(g, b.box());
        }
        if (keypoints != null) {
            Keypoints k = keypoints.keypoints();
            g.writeArrayFieldStart("keypoints");
            for (double v : k.toFlat()) {
                writeNumber(g, v);
            }
            g.writeEndArray();
            g.writeNumberField("num_keypoints", k.labelledCount());
            if (shape == null) {
                PixelBox box = k.boundingBox();
                writeNumber(g, "area", box.area());
                writeBox(g, box);
            }
        }
        if (first.info().confidence().isPresent()) {
            g.writeNumberField("score", first.info().confidence().getAsDouble());
        }
        boolean occluded = false;
        for (Annotation a : record) {
            occluded |= a.info().occluded();
        }
        if (occluded || hasAttributesToWrite(attrs)) {
            ObjectNode extra = CocoWriter.JSON.createObjectNode();
            CocoAttributes.write(attrs, occluded, extra);
            if (!extra.isEmpty()) {
                g.writeFieldName("attributes");
                g.writeTree(extra.get("attributes"));
            }
        }
        g.writeEndObject();
    }

    /** Whether {@link CocoAttributes#write} has anything to write besides the occluded flag (iscrowd is a field). */
    private static boolean hasAttributesToWrite(Map<String, AttributeValue> attrs) {
        return attrs.size() > (attrs.containsKey(CocoAttributes.ISCROWD) ? 1 : 0);
    }

    private static void writeRle(JsonGenerator g, Rle mask, boolean crowd) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("size");
        g.writeNumber(mask.height());
        g.writeNumber(mask.width());
        g.writeEndArray();
        if (crowd) {
            // COCO's own files keep crowd masks uncompressed
            g.writeArrayFieldStart("counts");
            for (int c : mask.counts()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
        } else {
            g.writeStringField("counts", RleCodec.encode(mask));
        }
        g.writeEndObject();
    }

    private static void writeBox(JsonGenerator g, PixelBox b) throws IOException {
        double[] xywh = b.toXywh();
        g.writeFieldName("bbox");
        g.writeArray(xywh, 0, xywh.length);
    }

    /** Whole numbers without a fraction ({@code 12}, not {@code 12.0}), as COCO's files write counts and areas. */
    private static void writeNumber(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        writeNumber(g, v);
    }

    private static void writeNumber(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }
}
