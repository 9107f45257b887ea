package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Names;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ImportReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the label schema of a CVAT dataset from the {@code <meta>} of its files and the labels its shapes
 * use: declared labels first, in order, with ids 1, 2, …; then labels used but never declared, each with a
 * warning per use. Sub-labels (skeleton points) are not classes: they become the points of their skeleton.
 */
final class CvatSchema {
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final ImportReport report;
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final Map<String, List<String>> sublabels = new LinkedHashMap<>();
    private final Map<String, List<String>> seenPoints = new LinkedHashMap<>();

    private CvatSchema(ImportReport report) {
        this.report = report;
    }

    static LabelSchema build(List<CvatIndex> indexes, ImportReport report) {
        return new CvatSchema(report).run(indexes);
    }

    /** The class name a shape's {@code label} attribute stands for. */
    static String className(String label) {
        return label == null || label.isBlank() ? CvatFormat.UNLABELED : label;
    }

    private LabelSchema run(List<CvatIndex> indexes) {
        Map<String, CvatMeta.LabelDecl> declared = new LinkedHashMap<>();
        for (CvatIndex index : indexes) {
            index.skeletonPoints.forEach((label, points) ->
                    seenPoints.computeIfAbsent(Names.normalise(label), k -> new ArrayList<>()).addAll(points));
            for (CvatMeta.LabelDecl d : index.meta.map(CvatMeta::labels).orElse(List.of())) {
                if (d.isSublabel()) {
                    List<String> points = sublabels.computeIfAbsent(Names.normalise(d.parent().get()), k -> new ArrayList<>());
                    if (!points.contains(d.name())) {
                        points.add(d.name());
                    }
                    d.attributes().forEach(a -> report.warn(new FieldError(a.location(), "attribute", a.name(),
                            "expected no attributes on the point \"" + d.name() + "\" of skeleton \"" + d.parent().get()
                                    + "\": Annota keypoints have no attributes; ignored")));
                } else if (d.name().isBlank()) {
                    report.warn(new FieldError(d.location(), "label.name", d.name(), "expected a non-blank label name; label ignored"));
                } else {
                    declared.putIfAbsent(Names.normalise(d.name()), d);
                }
            }
        }
        for (CvatMeta.LabelDecl d : declared.values()) {
            try {
                schema.put(toClass(d, LabelId.of(schema.size() + 1)));
            } catch (ValidationException e) {
                report.warn(new FieldError(d.location(), "label." + e.errors().get(0).field(), e.errors().get(0).value(),
                        e.errors().get(0).expected() + "; label \"" + d.name() + "\" ignored"));
            }
        }
        for (CvatIndex index : indexes) {
            index.labels.forEach((label, uses) -> undeclared(label, uses));
        }
        return schema.build();
    }

    private void undeclared(String label, CvatIndex.Uses uses) {
        String name = className(label);
        if (!label.isBlank() && schema.byName(name).isPresent()) {
            return;
        }
        if (schema.byName(name).isEmpty()) {
            List<String> points = seenPoints.getOrDefault(Names.normalise(label), List.of());
            LabelId id = schema.add(name);
            if (!points.isEmpty()) {
                try {
                    schema.update(schema.get(id).orElseThrow().withSkeleton(new Skeleton(new ArrayList<>(new java.util.LinkedHashSet<>(points)), List.of())));
                } catch (ValidationException e) {
                    report.warn(new FieldError(uses.first.get(0).location(), "skeleton", points.toString(),
                            e.getMessage() + "; skeleton of \"" + name + "\" not built"));
                }
            }
        }
        for (CvatIndex.Use u : uses.first) {
            report.warn(new FieldError(u.location(), u.element() + ".label", label,
                    "expected a label declared in <labels>; the " + u.element() + " on image " + u.image()
                            + " is kept under the class \"" + name + "\""));
        }
        if (uses.count > uses.first.size()) {
            report.warn(new FieldError("(" + (uses.count - uses.first.size()) + " more)", "label", label,
                    "expected a label declared in <labels> [repeated " + (uses.count - uses.first.size())
                            + " more times; only the first " + uses.first.size() + " are listed]"));
        }
    }

    private LabelClass toClass(CvatMeta.LabelDecl d, LabelId id) {
        LabelClass cls = LabelClass.of(id, d.name());
        if (d.colour().isPresent()) {
            if (COLOUR.matcher(d.colour().get()).matches()) {
                cls = cls.withColour(d.colour().get());
            } else {
                report.warn(new FieldError(d.location(), "label.color", d.colour().get(),
                        "expected a colour as #RRGGBB; the default colour is used"));
            }
        }
        cls = cls.withKinds(kinds(d));
        List<AttributeSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CvatMeta.AttributeDecl a : d.attributes()) {
            Optional<AttributeSpec> spec = CvatAttributes.spec(a, report::warn);
            if (spec.isPresent() && !names.add(Names.normalise(spec.get().name()))) {
                report.warn(new FieldError(a.location(), "attribute.name", a.name(),
                        "expected each attribute of label \"" + d.name() + "\" once; repeat ignored"));
            } else {
                spec.ifPresent(specs::add);
            }
        }
        cls = cls.withAttributes(specs);
        String key = Names.normalise(d.name());
        boolean skeletonType = d.type().equals("skeleton");
        if (skeletonType || sublabels.containsKey(key) || seenPoints.containsKey(key)) {
            Optional<Skeleton> sk = CvatSkeletons.read(d, sublabels.getOrDefault(key, List.of()),
                    seenPoints.getOrDefault(key, List.of()), report::warn);
            if (sk.isPresent()) {
                if (!cls.allows(AnnotationKind.KEYPOINTS)) {
                    EnumSet<AnnotationKind> k = EnumSet.copyOf(cls.kinds());
                    k.add(AnnotationKind.KEYPOINTS);
                    cls = cls.withKinds(k);
                }
                cls = cls.withSkeleton(sk.get());
            }
        }
        return cls;
    }

    private Set<AnnotationKind> kinds(CvatMeta.LabelDecl d) {
        return switch (d.type()) {
            case "any" -> EnumSet.allOf(AnnotationKind.class);
            case "rectangle" -> EnumSet.of(AnnotationKind.BOX, AnnotationKind.ROTATED_BOX);
            case "polygon" -> EnumSet.of(AnnotationKind.POLYGON);
            case "polyline" -> EnumSet.of(AnnotationKind.POLYLINE);
            case "points" -> EnumSet.of(AnnotationKind.POINTS);
            case "ellipse" -> EnumSet.of(AnnotationKind.ELLIPSE);
            case "cuboid" -> EnumSet.of(AnnotationKind.CUBOID);
            case "mask" -> EnumSet.of(AnnotationKind.MASK);
            case "tag" -> EnumSet.of(AnnotationKind.TAG);
            case "skeleton" -> EnumSet.of(AnnotationKind.KEYPOINTS);
            default -> {
                report.warn(new FieldError(d.location(), "label.type", d.type(),
                        "expected any, rectangle, polygon, polyline, points, ellipse, cuboid, mask, tag or skeleton; "
                                + "label \"" + d.name() + "\" allows every kind"));
                yield EnumSet.allOf(AnnotationKind.class);
            }
        };
    }

    /** The CVAT label type for a class: the one kind it allows, skeleton when it has one, else any. */
    static String type(LabelClass c) {
        if (c.skeleton().isPresent()) {
            return "skeleton";
        }
        Set<AnnotationKind> k = c.kinds();
        if (k.equals(EnumSet.of(AnnotationKind.BOX, AnnotationKind.ROTATED_BOX)) || k.equals(EnumSet.of(AnnotationKind.BOX))
                || k.equals(EnumSet.of(AnnotationKind.ROTATED_BOX))) {
            return "rectangle";
        }
        if (k.size() == 1) {
            AnnotationKind only = k.iterator().next();
            return switch (only) {
                case POLYGON -> "polygon";
                case POLYLINE -> "polyline";
                case POINTS -> "points";
                case ELLIPSE -> "ellipse";
                case CUBOID -> "cuboid";
                case MASK -> "mask";
                case TAG -> "tag";
                default -> "any";
            };
        }
        return "any";
    }
}
