package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapeSceneFilesTest {
    private final ShapeScene scene = new ShapesGenerator(ShapesConfig.defaults(320, 240)).generate(11);

    @Test
    void a_png_reads_back_pixel_for_pixel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scene.png");
        scene.writePng(file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(scene.width(), back.getWidth());
        assertEquals(scene.height(), back.getHeight());
        int[] pixels = back.getRGB(0, 0, back.getWidth(), back.getHeight(), null, 0, back.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        assertArrayEquals(scene.pixels(), pixels);
    }

    @Test
    void a_jpeg_reads_back_with_the_scene_size(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scene.jpg");
        scene.writeJpeg(file, 0.9f);
        BufferedImage back = ImageIO.read(file.toFile());
        assertNotNull(back, "ImageIO could not read the JPEG back");
        assertEquals(scene.width(), back.getWidth());
        assertEquals(scene.height(), back.getHeight());
    }

    @Test
    void rejects_a_jpeg_quality_outside_zero_to_one(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> scene.writeJpeg(dir.resolve("x.jpg"), 1.5f));
    }

    @Test
    void the_buffered_image_has_the_scene_pixels() {
        BufferedImage image = scene.toImage();
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(scene.rgb(17, 23), image.getRGB(17, 23) & 0xFFFFFF);
    }
}
