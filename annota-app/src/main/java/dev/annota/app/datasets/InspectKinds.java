package dev.annota.app.datasets;

import dev.annota.core.schema.AnnotationKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names {@code annota inspect} counts annotations under (COCO/CVAT vocabulary), in a fixed order. */
public final class InspectKinds {
    private static final Map<AnnotationKind, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(AnnotationKind.BOX, "bbox");
        NAMES.put(AnnotationKind.ROTATED_BOX, "rotated_bbox");
        NAMES.put(AnnotationKind.POLYGON, "polygon");
        NAMES.put(AnnotationKind.POLYLINE, "polyline");
        NAMES.put(AnnotationKind.POINTS, "points");
        NAMES.put(AnnotationKind.KEYPOINTS, "keypoints");
        NAMES.put(AnnotationKind.MASK, "mask");
        NAMES.put(AnnotationKind.TAG, "tag");
        NAMES.put(AnnotationKind.CUBOID, "cuboid");
        NAMES.put(AnnotationKind.ELLIPSE, "ellipse");
    }

    private InspectKinds() {
    }

    public static String name(AnnotationKind kind) {
        return NAMES.get(kind);
    }

    /** Counts by kind → counts by inspect name, in the fixed order, kinds with 0 left out. */
    public static Map<String, Long> named(Map<AnnotationKind, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        NAMES.forEach((kind, name) -> {
            long n = counts.getOrDefault(kind, 0L);
            if (n > 0) {
                out.put(name, n);
            }
        });
        return out;
    }
}
