package dev.annota.formats.masks;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.testkit.shapes.ShapeObject;
import dev.annota.testkit.shapes.ShapeSample;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Shapes scenes turned into datasets of the kinds that pixel formats hold, for the round-trip tests. */
public final class ShapesScenes {
    private ShapesScenes() {
    }

    /** Writes {@code count} scenes' PNGs into {@code images} and maps each object (with a visible mask) to annotations. */
    public static Dataset dataset(Path images, int count, long seed,
            BiFunction<LabelSchema, List<ShapeObject>, List<Annotation>> annotations) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(96, 64), seed, count);
        shapes.writePngs(images, i -> { });
        LabelSchema schema = ShapesItems.schema(shapes.config());
        List<Item> items = new ArrayList<>();
        for (ShapeSample s : shapes) {
            List<ShapeObject> visible = s.scene().objects().stream().filter(o -> o.mask().area() > 0).toList();
            String stem = s.fileName().replaceFirst("\\.[^.]+$", "");
            items.add(Item.of(stem, ImageRef.of(images.resolve(s.fileName()).toString(), s.scene().size()),
                    annotations.apply(schema, visible)));
        }
        return Dataset.streaming(schema, items::stream);
    }

    /**
     * The same mask with its runs in the one form a decoder produces (no empty trailing run), so that the
     * string form {@code AnnotationGroups.canonical} compares is equal whenever the masks are ({@link Rle#equals}).
     */
    public static Rle exact(Rle mask) {
        return Rle.fromBitmap(mask.toBitmap(), mask.height(), mask.width());
    }

    /** One mask per class per image: the union of that class's visible object masks. */
    public static List<Annotation> semantic(LabelSchema schema, List<ShapeObject> objects) {
        java.util.Map<String, List<Rle>> byClass = new java.util.LinkedHashMap<>();
        for (ShapeObject o : objects) {
            byClass.computeIfAbsent(o.className(), k -> new ArrayList<>()).add(o.mask());
        }
        List<Annotation> out = new ArrayList<>();
        byClass.forEach((name, masks) -> out.add(dev.annota.core.annotation.MaskAnnotation.of(
                schema.byName(name).orElseThrow().id(), exact(dev.annota.core.geometry.RleOps.union(masks)))));
        return out;
    }

    public static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }
}
