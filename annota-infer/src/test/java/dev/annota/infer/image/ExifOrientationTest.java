package dev.annota.infer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
    /** A 4x2 PNG-decoded-then-JPEG-encoded image, left half red and right half blue, with an EXIF orientation. */
    static byte[] jpegWithOrientation(int orientation, ByteOrder order) throws IOException {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, x < 20 ? 0xFF0000 : 0x0000FF);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I').put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] t = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int len = 2 + 6 + t.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        out.write(t);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    @Test
    void reads_the_orientation_in_either_byte_order() throws IOException {
        assertEquals(6, ExifOrientation.read(jpegWithOrientation(6, ByteOrder.BIG_ENDIAN)));
        assertEquals(8, ExifOrientation.read(jpegWithOrientation(8, ByteOrder.LITTLE_ENDIAN)));
    }

    @Test
    void a_file_without_exif_counts_as_upright() {
        assertEquals(1, ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9, 0}));
        assertEquals(1, ExifOrientation.read(new byte[] {1, 2, 3}));
    }

    @Test
    void orientation_6_turns_the_image_a_quarter_clockwise_when_decoding() throws IOException {
        RgbImage img = ImageDecoder.decode(jpegWithOrientation(6, ByteOrder.BIG_ENDIAN), "test.jpg");
        assertEquals(20, img.width());
        assertEquals(40, img.height());
        // the stored left (red) half is now on top
        assertTrue((img.pixels()[5 * 20 + 10] >> 16 & 0xFF) > 200, Integer.toHexString(img.pixels()[5 * 20 + 10]));
        assertTrue((img.pixels()[35 * 20 + 10] & 0xFF) > 200);
    }

    @Test
    void a_reduced_decode_asks_with_the_upright_size_and_turns_the_smaller_image_upright() throws IOException {
        java.util.List<dev.annota.core.geometry.ImageSize> asked = new java.util.ArrayList<>();
        ImageDecoder.Reduced r = ImageDecoder.decodeReduced(jpegWithOrientation(6, ByteOrder.BIG_ENDIAN), "test.jpg", ImageDecoder.MAX_PIXELS,
                size -> {
                    asked.add(size);
                    return 2;
                });
        assertEquals(java.util.List.of(new dev.annota.core.geometry.ImageSize(20, 40)), asked);
        assertEquals(new dev.annota.core.geometry.ImageSize(20, 40), r.fullSize());
        assertEquals(2, r.subsampling());
        assertEquals(10, r.image().width());
        assertEquals(20, r.image().height());
        assertTrue((r.image().pixels()[2 * 10 + 5] >> 16 & 0xFF) > 200, "the stored left (red) half is on top");
    }

    @Test
    void bytes_that_are_no_image_are_a_clear_error_naming_the_source() {
        AnnotaException e = assertThrows(AnnotaException.class, () -> ImageDecoder.decode("hello".getBytes(), "notes.txt"));
        assertTrue(e.getMessage().startsWith("notes.txt: not a readable image"), e.getMessage());
    }
}
