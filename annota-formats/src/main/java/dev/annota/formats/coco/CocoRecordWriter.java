package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.geometry.RleOps;
import dev.annota.core.schema.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annota annotations (one shape and/or one keypoint set of the same object) → one COCO record. {@code area}
 * follows pycocotools: the pixel area of the rasterised polygon or mask, w·h for a box; {@code bbox} is the
 * polygon's extent, the mask's {@code toBbox}, or the box itself.
 */
final class CocoRecordWriter {
    private CocoRecordWriter() {
    }

    static ObjectNode toRecord(List<Annotation> record, ImageSize size) {
        Annotation first = record.get(0);
        ObjectNode o = CocoWriter.JSON.createObjectNode();
        o.put("category_id", first.label().value());
        Map<String, AttributeValue> attrs = new TreeMap<>(first.info().attributes());
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
            o.put("iscrowd", crowd ? 1 : 0);
        }
        if (shape instanceof PolygonAnnotation p) {
            ArrayNode seg = o.putArray("segmentation");
            for (double[] part : p.polygon().toFlat()) {
                ArrayNode a = seg.addArray();
                for (double v : part) {
                    a.add(v);
                }
            }
            putNumber(o, "area", PolygonRasterizer.rasterize(p.polygon(), size).area());
            putBox(o, p.polygon().boundingBox());
        } else if (shape instanceof MaskAnnotation m) {
            o.set("segmentation", rle(o, m.mask(), crowd));
            putNumber(o, "area", m.mask().area());
            putBox(o, RleOps.toBbox(m.mask()));
        } else if (shape instanceof BoxAnnotation b) {
            o.putArray("segmentation");
            putNumber(o, "area", b.box().area());
            putBox(o, b.box());
        }
        if (keypoints != null) {
            Keypoints k = keypoints.keypoints();
            ArrayNode arr = o.putArray("keypoints");
            for (double v : k.toFlat()) {
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    arr.add((long) v);
                } else {
                    arr.add(v);
                }
            }
            o.put("num_keypoints", k.labelledCount());
            if (shape == null) {
                PixelBox box = k.boundingBox();
                putNumber(o, "area", box.area());
                putBox(o, box);
            }
        }
        if (first.info().confidence().isPresent()) {
            o.put("score", first.info().confidence().getAsDouble());
        }
        CocoAttributes.write(attrs, record.stream().anyMatch(a -> a.info().occluded()), o);
        return o;
    }

    private static ObjectNode rle(ObjectNode parent, Rle mask, boolean crowd) {
        ObjectNode seg = parent.objectNode();
        seg.putArray("size").add(mask.height()).add(mask.width());
        if (crowd) {
            // COCO's own files keep crowd masks uncompressed
            ArrayNode counts = seg.putArray("counts");
            for (int c : mask.counts()) {
                counts.add(c);
            }
        } else {
            seg.put("counts", RleCodec.encode(mask));
        }
        return seg;
    }

    private static void putBox(ObjectNode o, PixelBox b) {
        ArrayNode a = o.putArray("bbox");
        for (double v : b.toXywh()) {
            a.add(v);
        }
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        CocoAttributes.putNumber(o, name, v);
    }
}
