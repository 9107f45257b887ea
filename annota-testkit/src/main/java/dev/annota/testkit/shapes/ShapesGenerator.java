package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link ShapeScene}s: a textured background with circles, rectangles, triangles, stars and
 * ellipses painted on top in painter's order, with exact ground truth.
 *
 * <p>The same seed and config give bit-identical pixels and ground truth on every machine: random numbers come
 * from a fixed SplitMix64, trigonometry from {@link StrictMath}, and pixels are computed here, not by AWT.
 *
 * <p>Shapes that end up with fewer than {@link ShapesConfig#minVisiblePixels()} visible pixels (hidden under
 * later shapes, or mostly outside the image) are removed and the rest painted again, so every painted pixel
 * belongs to a kept object. Thread-safe: one generator can serve many threads.
 */
public final class ShapesGenerator {
    private final ShapesConfig config;
    private final ShapeSampler sampler;

    public ShapesGenerator(ShapesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sampler = new ShapeSampler(config);
    }

    public ShapesConfig config() {
        return config;
    }

    /** The scene for {@code seed}. */
    public ShapeScene generate(long seed) {
        int width = config.width(), height = config.height();
        SplitMix64 rng = new SplitMix64(seed);
        BackgroundStyle style = config.backgrounds().get(rng.nextInt(config.backgrounds().size()));
        int[] rgb = new int[width * height];
        Backgrounds.paint(style, rng, width, height, rgb);
        double luma = SceneTags.meanLuma(rgb);

        int count = rng.nextInt(config.minObjects(), config.maxObjects());
        List<AnalyticShape> shapes = new ArrayList<>(count);
        List<ShapeColour> colours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AnalyticShape shape = sampler.sample(rng);
            colours.add(colour(rng, shape, shapes, colours));
            shapes.add(shape);
        }

        Raster raster = new Raster(width, height);
        long[] amodal = raster.paint(shapes);
        long[] visible = raster.visibleCounts(shapes.size());
        List<AnalyticShape> kept = new ArrayList<>(shapes.size());
        List<ShapeColour> keptColours = new ArrayList<>(shapes.size());
        for (int k = 0; k < shapes.size(); k++) {
            if (visible[k] >= config.minVisiblePixels()) {
                kept.add(shapes.get(k));
                keptColours.add(colours.get(k));
            }
        }
        if (kept.size() < shapes.size()) {
            // removing a shape only uncovers pixels of the shapes below it: one repaint is enough
            amodal = raster.paint(kept);
        }

        int[] palette = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            palette[k] = keptColours.get(k).rgb();
        }
        raster.colour(rgb, palette);

        List<ShapeObject> objects = new ArrayList<>(kept.size());
        for (int k = 0; k < kept.size(); k++) {
            AnalyticShape shape = kept.get(k);
            objects.add(new ShapeObject(k, shape, keptColours.get(k), raster.mask(k, shape.bounds()), amodal[k],
                    keypoints(raster, k, shape)));
        }
        return new ShapeScene(seed, config.size(), style, rgb, objects, SceneTags.of(objects, style, luma));
    }

    /** A colour not used by an earlier shape whose box overlaps this one's, where one is left. */
    private ShapeColour colour(SplitMix64 rng, AnalyticShape shape, List<AnalyticShape> earlier,
                               List<ShapeColour> earlierColours) {
        List<ShapeColour> free = new ArrayList<>(config.colours());
        PixelBox box = shape.bounds();
        for (int i = 0; i < earlier.size(); i++) {
            if (earlier.get(i).bounds().intersectionArea(box) > 0) {
                free.remove(earlierColours.get(i));
            }
        }
        List<ShapeColour> from = free.isEmpty() ? config.colours() : free;
        return from.get(rng.nextInt(from.size()));
    }

    private Keypoints keypoints(Raster raster, int k, AnalyticShape shape) {
        List<Keypoint> out = new ArrayList<>();
        for (Point p : shape.keypoints()) {
            if (!(p.x() >= 0 && p.y() >= 0 && p.x() < config.width() && p.y() < config.height())) {
                out.add(Keypoint.absent());
            } else if (raster.owner((int) p.x(), (int) p.y()) == k) {
                out.add(new Keypoint(p, Visibility.VISIBLE));
            } else {
                out.add(new Keypoint(p, Visibility.OCCLUDED));
            }
        }
        return new Keypoints(out);
    }
}
