package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Visibility;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ShapeSceneGroundTruthTest {
    private static final ShapesGenerator GENERATOR =
            new ShapesGenerator(ShapesConfig.defaults(96, 72).withObjects(0, 12));

    @Property(tries = 60)
    void every_mask_pixel_has_its_objects_colour_and_no_two_masks_overlap(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        int[] owner = new int[scene.width() * scene.height()];
        java.util.Arrays.fill(owner, -1);
        for (ShapeObject o : scene.objects()) {
            boolean[] bits = o.mask().toBitmap();
            for (int i = 0; i < bits.length; i++) {
                if (bits[i]) {
                    assertEquals(-1, owner[i], "pixel " + i + " is in two masks");
                    owner[i] = o.zOrder();
                    assertEquals(o.colour().rgb(), scene.rgb(i % scene.width(), i / scene.width()),
                            "colour of pixel " + i + " of object " + o.zOrder());
                }
            }
        }
    }

    @Property(tries = 40)
    void masks_are_exactly_the_pixels_where_the_object_is_the_top_most_shape(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        int[] top = SceneChecks.topMost(scene);
        for (ShapeObject o : scene.objects()) {
            boolean[] bits = o.mask().toBitmap();
            for (int i = 0; i < bits.length; i++) {
                assertEquals(top[i] == o.zOrder(), bits[i], "pixel " + i + " of object " + o.zOrder());
            }
        }
    }

    @Property(tries = 60)
    void every_kept_object_is_visible_and_its_box_is_the_tight_box_of_its_mask(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        List<ShapeObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            ShapeObject o = objects.get(i);
            assertEquals(i, o.zOrder());
            assertTrue(o.visibleArea() >= GENERATOR.config().minVisiblePixels());
            assertEquals(SceneChecks.tightBox(o.mask().toBitmap(), scene.width(), scene.height()), o.box());
            assertTrue(o.occlusion() >= 0 && o.occlusion() < 1);
        }
    }

    @Property(tries = 40)
    void occlusion_is_the_share_of_in_image_pixels_covered_by_later_shapes(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        for (ShapeObject o : scene.objects()) {
            long inImage = 0;
            for (int y = 0; y < scene.height(); y++) {
                for (int x = 0; x < scene.width(); x++) {
                    if (o.shape().contains(x + 0.5, y + 0.5)) {
                        inImage++;
                    }
                }
            }
            assertEquals(inImage, o.amodalPixels());
            assertEquals(1 - (double) o.visibleArea() / inImage, o.occlusion(), 1e-12);
        }
    }

    @Property(tries = 60)
    void visible_keypoints_lie_on_their_objects_mask_and_absent_ones_outside_the_image(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        for (ShapeObject o : scene.objects()) {
            boolean[] bits = o.mask().toBitmap();
            List<Keypoint> points = o.keypoints().points();
            for (int k = 0; k < points.size(); k++) {
                Keypoint kp = points.get(k);
                dev.annota.core.geometry.Point exact = o.shape().keypoints().get(k);
                boolean inside = exact.x() >= 0 && exact.y() >= 0 && exact.x() < scene.width()
                        && exact.y() < scene.height();
                if (kp.visibility() == Visibility.VISIBLE) {
                    assertTrue(bits[(int) kp.position().y() * scene.width() + (int) kp.position().x()],
                            "visible keypoint " + kp + " of object " + o.zOrder());
                } else if (kp.visibility() == Visibility.OCCLUDED) {
                    assertTrue(inside);
                    assertTrue(!bits[(int) kp.position().y() * scene.width() + (int) kp.position().x()]);
                } else {
                    assertTrue(!inside, "absent keypoint inside the image: " + exact);
                }
            }
        }
    }

    @Property(tries = 30)
    void pixels_outside_every_mask_are_background(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        int[] top = SceneChecks.topMost(scene);
        boolean[] covered = new boolean[top.length];
        for (ShapeObject o : scene.objects()) {
            boolean[] bits = o.mask().toBitmap();
            for (int i = 0; i < bits.length; i++) {
                covered[i] |= bits[i];
            }
        }
        for (int i = 0; i < top.length; i++) {
            assertEquals(top[i] >= 0, covered[i], "pixel " + i);
        }
    }

    @Property(tries = 40)
    void tags_name_exactly_the_classes_present(@ForAll long seed) {
        ShapeScene scene = GENERATOR.generate(seed);
        for (ShapeClass c : ShapeClass.values()) {
            boolean present = scene.objects().stream().anyMatch(o -> o.shapeClass() == c);
            assertEquals(present, scene.tags().contains(c.label()), c.label() + " in " + scene.tags());
        }
        assertTrue(scene.tags().contains(SceneTags.BACKGROUND_PREFIX + scene.background().label()));
        assertEquals(scene.objects().isEmpty(), scene.tags().contains(SceneTags.EMPTY));
        assertEquals(scene.objects().size() >= SceneTags.CROWDED_AT, scene.tags().contains(SceneTags.CROWDED));
    }
}
