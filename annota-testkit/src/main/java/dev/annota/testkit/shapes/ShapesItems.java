package dev.annota.testkit.shapes;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shapes scenes as Annota items: the label schema (the five shape classes with a colour attribute and a
 * keypoint skeleton, plus one tag-only class per scene tag) and each scene's annotations.
 *
 * <p>Each object becomes a shape and its keypoints, in one group: a polygon (its exact outline) when the
 * object is fully visible, otherwise its visible mask. Each scene tag becomes an image-level {@link Tag}.
 */
public final class ShapesItems {
    /** The attribute holding an object's colour name. */
    public static final String COLOUR = "colour";

    private ShapesItems() {
    }

    /** The schema for scenes of {@code config}. */
    public static LabelSchema schema(ShapesConfig config) {
        LabelSchema.Builder b = LabelSchema.builder();
        List<String> colours = config.colours().stream().map(ShapeColour::label).toList();
        for (ShapeClass c : ShapeClass.values()) {
            b.add(c.label(), cls -> cls
                    .withKinds(EnumSet.of(AnnotationKind.TAG, AnnotationKind.BOX, AnnotationKind.POLYGON,
                            AnnotationKind.MASK, AnnotationKind.KEYPOINTS))
                    .withAttributes(List.of(SelectAttribute.of(COLOUR, colours)))
                    .withSkeleton(skeleton(c)));
        }
        List<String> tags = new ArrayList<>(List.of(SceneTags.EMPTY, SceneTags.CROWDED, SceneTags.OCCLUDED,
                SceneTags.TRUNCATED, SceneTags.DARK_BACKGROUND, SceneTags.LIGHT_BACKGROUND));
        for (BackgroundStyle s : BackgroundStyle.values()) {
            tags.add(SceneTags.BACKGROUND_PREFIX + s.label());
        }
        for (String t : tags) {
            b.add(t, cls -> cls.withKinds(EnumSet.of(AnnotationKind.TAG)));
        }
        return b.build();
    }

    /** The points of a shape class joined in a ring (a single point has no edges). */
    static Skeleton skeleton(ShapeClass c) {
        List<String> names = c.keypointNames();
        List<Skeleton.Edge> edges = new ArrayList<>();
        if (names.size() > 1) {
            for (int i = 0; i < names.size(); i++) {
                edges.add(Skeleton.Edge.of(i, (i + 1) % names.size()));
            }
        }
        return new Skeleton(names, names.size() == 2 ? edges.subList(0, 1) : edges);
    }

    /** The item of one scene whose image is at {@code imageLocation}. */
    public static Item toItem(ShapeSample sample, String imageLocation, LabelSchema schema) {
        ShapeScene scene = sample.scene();
        List<Annotation> annotations = new ArrayList<>();
        int group = 1;
        for (ShapeObject o : scene.objects()) {
            LabelId label = id(schema, o.className());
            AnnotationInfo info = AnnotationInfo.of(label)
                    .withAttribute(COLOUR, AttributeValue.of(o.colourName()))
                    .withOccluded(o.occlusion() > 0)
                    .withGroup(group++);
            boolean whole = o.occlusion() == 0 && !o.truncated();
            annotations.add(whole ? new PolygonAnnotation(info, o.outline()) : new MaskAnnotation(info, o.mask()));
            annotations.add(new KeypointsAnnotation(info, o.keypoints()));
        }
        for (String tag : scene.tags()) {
            annotations.add(new Tag(AnnotationInfo.of(id(schema, tag))));
        }
        String stem = sample.fileName().replaceFirst("\\.[^.]+$", "");
        return new Item(stem, ImageRef.of(imageLocation, scene.size()), Item.DEFAULT_SUBSET, annotations,
                Map.of("seed", Long.toString(scene.seed())));
    }

    /** The scenes of {@code shapes} as a streaming dataset whose images are (to be) written in {@code imageFolder}. */
    public static Dataset dataset(ShapesDataset shapes, Path imageFolder) {
        LabelSchema schema = schema(shapes.config());
        return Dataset.streaming(schema, () -> shapes.stream()
                .map(s -> toItem(s, imageFolder.resolve(s.fileName()).toString(), schema)));
    }

    private static LabelId id(LabelSchema schema, String name) {
        Optional<LabelClass> c = schema.byName(name);
        return c.orElseThrow(() -> new IllegalStateException("no class " + name + " in the shapes schema")).id();
    }
}
