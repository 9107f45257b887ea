package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesDatasetTest {
    private final ShapesDataset dataset = new ShapesDataset(ShapesConfig.defaults(160, 120), 99, 60);

    @Test
    void every_class_appears_over_a_batch_of_scenes() {
        Set<ShapeClass> seen = EnumSet.noneOf(ShapeClass.class);
        dataset.forEach(s -> s.scene().objects().forEach(o -> seen.add(o.shapeClass())));
        assertEquals(EnumSet.allOf(ShapeClass.class), seen);
    }

    @Test
    void every_colour_and_background_appears_over_a_batch_of_scenes() {
        Set<ShapeColour> colours = EnumSet.noneOf(ShapeColour.class);
        Set<BackgroundStyle> backgrounds = EnumSet.noneOf(BackgroundStyle.class);
        dataset.forEach(s -> {
            backgrounds.add(s.scene().background());
            s.scene().objects().forEach(o -> colours.add(o.colour()));
        });
        assertEquals(EnumSet.allOf(ShapeColour.class), colours);
        assertEquals(EnumSet.allOf(BackgroundStyle.class), backgrounds);
    }

    @Test
    void shapes_occlude_each_other_in_some_scenes_but_not_all() {
        long occluded = dataset.stream().filter(s -> s.scene().tags().contains(SceneTags.OCCLUDED)).count();
        assertTrue(occluded > 0 && occluded < dataset.size(), occluded + " of " + dataset.size());
        assertTrue(dataset.stream().flatMap(s -> s.scene().objects().stream()).anyMatch(o -> o.occlusion() > 0.3));
    }

    @Test
    void tags_include_crowded_truncated_dark_and_light_scenes_somewhere() {
        Set<String> tags = dataset.stream().flatMap(s -> s.scene().tags().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(tags.containsAll(List.of(SceneTags.CROWDED, SceneTags.TRUNCATED, SceneTags.DARK_BACKGROUND,
                SceneTags.LIGHT_BACKGROUND)), tags.toString());
    }

    @Test
    void file_names_are_numbered_from_one_with_six_digits() {
        assertEquals("shapes_000001.png", ShapesDataset.fileName(0));
        assertEquals("shapes_000042.png", dataset.sample(41).fileName());
        assertEquals(42, dataset.sample(41).number());
    }

    @Test
    void the_iterator_and_the_stream_give_the_same_scenes() {
        List<ShapeSample> fromIterator = new ArrayList<>();
        new ShapesDataset(ShapesConfig.defaults(48, 32), 5, 8).forEach(fromIterator::add);
        assertEquals(new ShapesDataset(ShapesConfig.defaults(48, 32), 5, 8).stream().toList(), fromIterator);
    }

    @Test
    void ten_thousand_small_scenes_stream_one_at_a_time() {
        ShapesDataset many = new ShapesDataset(ShapesConfig.defaults(64, 64).withObjects(1, 4), 1, 10_000);
        // each scene is made, counted and dropped: with a 2 GB heap, 10,000 scenes held at once would still fit,
        // so the guarantee checked here is that the stream is lazy and yields every scene exactly once
        java.util.LongSummaryStatistics objects =
                many.stream().mapToLong(s -> s.scene().objects().size()).summaryStatistics();
        assertEquals(10_000, objects.getCount());
        assertTrue(objects.getMax() <= 4 && objects.getAverage() > 1.5, objects.toString());
    }

    @Test
    void writes_every_scene_as_a_png_and_reports_progress(@TempDir Path dir) throws IOException {
        ShapesDataset small = new ShapesDataset(ShapesConfig.defaults(40, 30), 3, 5);
        List<Integer> progress = new ArrayList<>();
        small.writePngs(dir.resolve("images"), progress::add);
        assertEquals(List.of(1, 2, 3, 4, 5), progress);
        try (var files = Files.list(dir.resolve("images"))) {
            assertEquals(List.of("shapes_000001.png", "shapes_000002.png", "shapes_000003.png",
                    "shapes_000004.png", "shapes_000005.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        var image = javax.imageio.ImageIO.read(dir.resolve("images/shapes_000003.png").toFile());
        int[] back = image.getRGB(0, 0, 40, 30, null, 0, 40);
        for (int i = 0; i < back.length; i++) {
            back[i] &= 0xFFFFFF;
        }
        assertArrayEquals(small.sample(2).scene().pixels(), back);
    }
}
