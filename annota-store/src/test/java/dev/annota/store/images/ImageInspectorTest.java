package dev.annota.store.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {
    final ImageInspector inspector = new ImageInspector();

    @Test
    void finds_the_format_from_the_content_not_the_name(@TempDir Path dir) throws IOException {
        Path png = TestImages.write(dir.resolve("really_a_png.jpg"), TestImages.encode(TestImages.picture(40, 30, 1), "png"));
        ImageInfo info = inspector.inspect(png, "really_a_png.jpg");
        assertEquals(ImageFormat.PNG, info.format());
        assertEquals(40, info.width());
        assertEquals(30, info.height());
        assertEquals(1, info.orientation());
        assertEquals(ImageInspector.sha256(png), info.sha256());
        assertEquals(Files.size(png), info.bytes());
    }

    @Test
    void reads_bmp_gif_tiff_and_jpeg(@TempDir Path dir) throws IOException {
        BufferedImage img = TestImages.picture(64, 48, 2);
        for (String f : new String[] {"bmp", "gif", "tiff", "jpeg"}) {
            Path file = TestImages.write(dir.resolve("a." + f), TestImages.encode(img, f));
            ImageInfo info = inspector.inspect(file, file.getFileName().toString());
            assertEquals(f.equals("jpeg") ? ImageFormat.JPEG : ImageFormat.valueOf(f.toUpperCase(java.util.Locale.ROOT)), info.format());
            assertEquals(64, info.width(), f);
            assertEquals(48, info.height(), f);
        }
    }

    @Test
    void rejects_a_text_file_named_jpg_naming_the_file(@TempDir Path dir) throws IOException {
        Path txt = TestImages.write(dir.resolve("notes.jpg"), "just some notes\nnot a picture".getBytes());
        ValidationException e = assertThrows(ValidationException.class, () -> inspector.inspect(txt, "notes.jpg"));
        assertEquals("notes.jpg: field 'format': expected a JPEG, PNG, GIF, BMP, TIFF or WebP image (recognised by its content, "
                + "not its name), got \"text starting 'just some notes…'\"", e.getMessage());
    }

    @Test
    void rejects_a_truncated_jpeg_with_a_clear_message(@TempDir Path dir) throws IOException {
        byte[] jpeg = TestImages.encode(TestImages.picture(300, 200, 3), "jpeg");
        Path cut = TestImages.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        ValidationException e = assertThrows(ValidationException.class, () -> inspector.inspect(cut, "cut.jpg"));
        assertTrue(e.getMessage().startsWith("cut.jpg: field 'content': expected a complete, valid JPEG image, got \"a jpeg file with"),
                e.getMessage());
    }

    @Test
    void rejects_a_truncated_png_with_a_clear_message(@TempDir Path dir) throws IOException {
        byte[] png = TestImages.encode(TestImages.picture(300, 200, 3), "png");
        Path cut = TestImages.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        ValidationException e = assertThrows(ValidationException.class, () -> inspector.inspect(cut, "cut.png"));
        assertTrue(e.getMessage().startsWith("cut.png: field 'content': expected a complete, valid PNG image"), e.getMessage());
    }

    @Test
    void rejects_a_decompression_bomb_from_its_header_without_decoding(@TempDir Path dir) throws IOException {
        Path bomb = TestImages.write(dir.resolve("bomb.png"), TestImages.pngBomb(100_000, 100_000));
        assertTrue(Files.size(bomb) < 100);
        ValidationException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ValidationException.class, () -> inspector.inspect(bomb, "bomb.png")));
        assertEquals("bomb.png: field 'pixels': expected an image of at most 100000000 pixels (100.0 megapixels); it was not "
                + "decoded, got \"100000x100000 (10000000000 pixels)\"", e.getMessage());
    }

    @Test
    void rejects_an_empty_file(@TempDir Path dir) throws IOException {
        Path empty = TestImages.write(dir.resolve("empty.png"), new byte[0]);
        ValidationException e = assertThrows(ValidationException.class, () -> inspector.inspect(empty, "empty.png"));
        assertTrue(e.getMessage().startsWith("empty.png: field 'content'"), e.getMessage());
    }

    @Test
    void reports_the_displayed_size_of_a_jpeg_rotated_by_exif(@TempDir Path dir) throws IOException {
        BufferedImage img = TestImages.picture(120, 80, 4);
        Path rotated = TestImages.write(dir.resolve("exif6.jpg"), TestImages.jpegWithOrientation(img, 6));
        ImageInfo info = inspector.inspect(rotated, "exif6.jpg");
        assertEquals(6, info.orientation());
        assertEquals(80, info.width());
        assertEquals(120, info.height());
        // the hash is taken upright: the same as that of the picture turned by hand
        Path upright = TestImages.write(dir.resolve("upright.jpg"), TestImages.encode(TestImages.rotateClockwise(img), "jpeg"));
        ImageInfo plain = inspector.inspect(upright, "upright.jpg");
        assertEquals(1, plain.orientation());
        assertTrue(PerceptualHash.distance(info.phash(), plain.phash()) <= 4,
                "distance " + PerceptualHash.distance(info.phash(), plain.phash()));
        Path unrotated = TestImages.write(dir.resolve("plain.jpg"), TestImages.encode(img, "jpeg"));
        assertTrue(PerceptualHash.distance(info.phash(), inspector.inspect(unrotated, "plain.jpg").phash()) > 8);
    }

    @Test
    void a_resized_re_encoded_copy_is_near_and_another_picture_is_far(@TempDir Path dir) throws IOException {
        BufferedImage img = TestImages.picture(640, 480, 5);
        Path original = TestImages.write(dir.resolve("o.png"), TestImages.encode(img, "png"));
        BufferedImage small = Thumbnails.scale(img);
        Path copy = TestImages.write(dir.resolve("c.jpg"), TestImages.encode(small, "jpeg"));
        Path other = TestImages.write(dir.resolve("x.png"), TestImages.encode(TestImages.rotateClockwise(TestImages.picture(480, 640, 9)), "png"));
        long a = inspector.inspect(original, "o.png").phash();
        long b = inspector.inspect(copy, "c.jpg").phash();
        long c = inspector.inspect(other, "x.png").phash();
        assertTrue(PerceptualHash.distance(a, b) <= PerceptualHash.DEFAULT_NEAR_DISTANCE, "copy distance " + PerceptualHash.distance(a, b));
        assertTrue(PerceptualHash.distance(a, c) > PerceptualHash.DEFAULT_NEAR_DISTANCE, "other distance " + PerceptualHash.distance(a, c));
        assertFalse(inspector.inspect(original, "o.png").sha256().equals(inspector.inspect(copy, "c.jpg").sha256()));
    }

    @Test
    void readers_for_every_accepted_format_are_installed() {
        for (ImageFormat f : ImageFormat.values()) {
            assertTrue(javax.imageio.ImageIO.getImageReadersByFormatName(f.imageIoName()).hasNext(), f.key());
        }
    }

    @Test
    void a_lower_pixel_limit_applies(@TempDir Path dir) throws IOException {
        Path png = TestImages.write(dir.resolve("big.png"), TestImages.encode(TestImages.picture(200, 100, 1), "png"));
        ValidationException e = assertThrows(ValidationException.class, () -> new ImageInspector(10_000).inspect(png, "big.png"));
        assertEquals("pixels", e.errors().get(0).field());
    }
}
