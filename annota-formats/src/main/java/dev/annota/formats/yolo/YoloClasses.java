package dev.annota.formats.yolo;

import dev.annota.core.error.FieldError;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a YOLO dataset while it is read: class index {@code i} becomes the class with id {@code i+1}.
 * An index with no name is a quirk: it is warned about once and added as class {@code class_<i>}. Class
 * indices stay inside this package (labels are referenced by id everywhere else).
 */
final class YoloClasses {
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final Map<Integer, LabelId> byIndex = new HashMap<>();
    private final ImportReport report;

    /**
     * @param names    the class names by index; null or blank entries are unnamed indices
     * @param location where the names come from, for warnings about blank or repeated names
     */
    YoloClasses(List<String> names, String location, ImportReport report) {
        this.report = report;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "names[" + i + "]";
            if (name == null || name.isBlank()) {
                report.warn(new FieldError(location, field, name, "expected a class name; named \"" + fallback(i) + "\""));
                name = fallback(i);
            } else if (schema.byName(name).isPresent()) {
                String renamed = name + "_" + i;
                report.warn(new FieldError(location, field, name,
                        "expected a name not used by another class; named \"" + renamed + "\""));
                name = renamed;
            }
            byIndex.put(i, schema.put(LabelClass.of(LabelId.of(i + 1), name)));
        }
    }

    static String fallback(int index) {
        return "class_" + index;
    }

    /** The class of {@code index}; an index without a name is warned about (once) and added. */
    LabelId label(int index, String location, String value) {
        LabelId known = byIndex.get(index);
        if (known != null) {
            return known;
        }
        String name = fallback(index);
        report.warn(new FieldError(location, "class", value,
                "expected a class index with a name (" + byIndex.size() + " named); added as class \"" + name + "\""));
        LabelId id = schema.byName(name).map(LabelClass::id).orElseGet(() -> {
            LabelId wanted = LabelId.of(index + 1);
            return schema.get(wanted).isEmpty() ? schema.put(LabelClass.of(wanted, name)) : schema.add(name);
        });
        byIndex.put(index, id);
        return id;
    }

    /**
     * Gives the class a skeleton of {@code points} keypoints (no edges: YOLO has none), named from data.yaml's
     * {@code kpt_names} for its index when they fit, else {@code kp0}, {@code kp1}...; once per class.
     */
    void poseClass(LabelId id, int points, java.util.Optional<List<String>> names) {
        LabelClass cls = schema.get(id).orElseThrow();
        if (cls.skeleton().isPresent()) {
            return;
        }
        List<String> pointNames = names.filter(n -> n.size() == points).orElseGet(() ->
                java.util.stream.IntStream.range(0, points).mapToObj(i -> "kp" + i).toList());
        try {
            schema.update(cls.withSkeleton(new dev.annota.core.schema.Skeleton(pointNames, List.of())));
        } catch (dev.annota.core.error.ValidationException e) {
            schema.update(cls.withSkeleton(new dev.annota.core.schema.Skeleton(
                    java.util.stream.IntStream.range(0, points).mapToObj(i -> "kp" + i).toList(), List.of())));
        }
    }

    /** The index a class was read from. */
    java.util.OptionalInt indexOf(LabelId id) {
        return byIndex.entrySet().stream().filter(e -> e.getValue().equals(id)).mapToInt(Map.Entry::getKey).findFirst();
    }

    LabelSchema schema() {
        return schema.build();
    }
}
