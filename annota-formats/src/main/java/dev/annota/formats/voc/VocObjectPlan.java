package dev.annota.formats.voc;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one item's annotations become VOC objects, with the writer's conversion rules:
 * <ul>
 *   <li>a box is an {@code <object>}; a box labelled head, hand or foot in the group of another box is a
 *       {@code <part>} of it; a mask (or a polygon, rasterised) of the same class in a box's group is that
 *       object's instance in SegmentationObject;</li>
 *   <li>a polygon on its own becomes an object with its bounding box and its rasterised mask (warned);</li>
 *   <li>a rotated box or an ellipse becomes an object with its bounding box (warned);</li>
 *   <li>a mask on its own is written only to the segmentation PNGs, as an instance numbered after the objects
 *       (so it reads back as a mask on its own, as Datumaro writes it);</li>
 *   <li>tags go to the {@code Main/<class>_<subset>.txt} lists; polylines, points, keypoints and cuboids
 *       cannot be held (warned).</li>
 * </ul>
 */
final class VocObjectPlan {
    /** One {@code <object>}: its box and info, its parts, its instance mask. */
    record Obj(int index, PixelBox box, AnnotationInfo info, List<BoxAnnotation> parts, Optional<Rle> mask) {
    }

    final List<Obj> objects = new ArrayList<>();
    final List<MaskAnnotation> looseMasks = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();

    static VocObjectPlan of(Item item, LabelSchema schema, Optional<ImageSize> size, ImportReport report) {
        VocObjectPlan plan = new VocObjectPlan();
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        List<Annotation> anns = item.annotations();
        for (int i = 0; i < anns.size(); i++) {
            Annotation a = anns.get(i);
            String at = "item " + item.id() + ": annotations[" + i + "]";
            if (!schema.contains(a.label())) {
                report.error(new FieldError(at, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                continue;
            }
            Object key = a.info().groupId().isPresent() && !(a instanceof Tag) ? (Object) a.info().groupId().getAsInt() : (Object) ("#" + i);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : groups.values()) {
            plan.addGroup(item, members, schema, size, report);
        }
        return plan;
    }

    private void addGroup(Item item, List<Integer> members, LabelSchema schema, Optional<ImageSize> size, ImportReport report) {
        List<Annotation> anns = item.annotations();
        int principal = -1; // index into objects of the group's main box
        int objectsInGroup = 0;
        // boxes first: the first non-part box is the one parts and masks attach to
        for (int i : members) {
            if (anns.get(i) instanceof BoxAnnotation b && !isPart(b, schema)) {
                objects.add(new Obj(i, b.box(), b.info(), new ArrayList<>(), Optional.empty()));
                objectsInGroup++;
                if (principal < 0) {
                    principal = objects.size() - 1;
                }
            }
        }
        for (int i : members) {
            Annotation a = anns.get(i);
            String at = "item " + item.id() + ": annotations[" + i + "]";
            if (a instanceof BoxAnnotation b) {
                if (!isPart(b, schema)) {
                    continue;
                }
                if (principal >= 0) {
                    objects.get(principal).parts().add(b);
                    if (!b.info().attributes().isEmpty() || b.info().occluded()) {
                        report.warn(new FieldError(at, "attributes", b.info().attributes().keySet().toString(),
                                "a VOC <part> holds a name and a box only; its attributes and occluded flag are not written"));
                    }
                } else {
                    objects.add(new Obj(i, b.box(), b.info(), new ArrayList<>(), Optional.empty()));
                    objectsInGroup++;
                }
            } else if (a instanceof MaskAnnotation m) {
                if (principal >= 0 && objects.get(principal).mask().isEmpty() && objects.get(principal).info().label().equals(m.label())) {
                    objects.set(principal, withMask(objects.get(principal), m.mask()));
                    infoLost(m.info(), at, report);
                } else {
                    looseMasks.add(m);
                }
            } else if (a instanceof PolygonAnnotation p) {
                if (size.isEmpty()) {
                    report.warn(new FieldError(at, "kind", "polygon",
                            "the image size is unknown, so the polygon cannot be rasterised; written as its bounding box only"));
                }
                Optional<Rle> mask = size.map(s -> PolygonRasterizer.rasterize(p.polygon(), s));
                if (principal >= 0 && objects.get(principal).mask().isEmpty() && objects.get(principal).info().label().equals(p.label())) {
                    mask.ifPresent(r -> report.warn(new FieldError(at, "kind", "polygon",
                            "VOC holds pixels, not outlines; the polygon is rasterised into SegmentationObject/Class")));
                    objects.set(principal, withMask(objects.get(principal), mask.orElse(null)));
                    infoLost(p.info(), at, report);
                } else {
                    report.warn(new FieldError(at, "kind", "polygon",
                            "VOC holds boxes and pixels; the polygon is written as its bounding box and its rasterised mask"));
                    objects.add(new Obj(i, p.polygon().boundingBox(), p.info(), new ArrayList<>(), mask));
                    objectsInGroup++;
                }
            } else if (a instanceof RotatedBoxAnnotation r) {
                report.warn(new FieldError(at, "kind", "rotated_box", "VOC has no rotated boxes; written as its bounding box"));
                objects.add(new Obj(i, r.box().boundingBox(), r.info(), new ArrayList<>(), Optional.empty()));
                objectsInGroup++;
            } else if (a instanceof EllipseAnnotation e) {
                report.warn(new FieldError(at, "kind", "ellipse", "VOC has no ellipses; written as its bounding box"));
                objects.add(new Obj(i, e.ellipse().boundingBox(), e.info(), new ArrayList<>(), Optional.empty()));
                objectsInGroup++;
            } else if (a instanceof Tag t) {
                tags.add(t);
            } else {
                report.warn(new FieldError(at, "kind", a.kind().wireName(), "VOC cannot hold this kind; annotation not written"));
            }
        }
        if (objectsInGroup > 1) {
            int first = members.get(0);
            report.warn(new FieldError("item " + item.id() + ": annotations[" + first + "]", "groupId",
                    anns.get(first).info().groupId().isPresent() ? Integer.toString(anns.get(first).info().groupId().getAsInt()) : "",
                    "VOC groups only an object with its parts and mask; the " + objectsInGroup
                            + " objects of this group are written as separate objects"));
        }
    }

    private static Obj withMask(Obj o, Rle mask) {
        return new Obj(o.index(), o.box(), o.info(), o.parts(), Optional.ofNullable(mask));
    }

    private static void infoLost(AnnotationInfo info, String at, ImportReport report) {
        if (!info.attributes().isEmpty() || info.occluded() || info.confidence().isPresent()) {
            report.warn(new FieldError(at, "attributes", info.attributes().keySet().toString(),
                    "an instance mask takes its object's attributes; its own are not written"));
        }
    }

    static boolean isPart(BoxAnnotation b, LabelSchema schema) {
        return schema.get(b.label()).map(c -> VocFormat.PART_LABELS.contains(c.name().toLowerCase(Locale.ROOT))).orElse(false)
                && b.info().groupId().isPresent();
    }
}
