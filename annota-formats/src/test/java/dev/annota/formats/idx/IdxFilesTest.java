package dev.annota.formats.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.error.AnnotaException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
    @TempDir Path dir;

    @Test
    void reads_images_written_in_the_idx_layout_plain_and_gzipped() throws IOException {
        byte[] pixels = {0, 1, 2, 3, 4, 5, (byte) 250, (byte) 255, 9, 10, 11, 12};
        for (String name : new String[] {"images-idx3-ubyte", "images-idx3-ubyte.gz"}) {
            Path file = dir.resolve(name);
            write(file, 0x00000803, new int[] {2, 2, 3}, pixels);
            IdxImages images = IdxFiles.readImages(file);
            assertEquals(2, images.count());
            assertEquals(2, images.rows());
            assertEquals(3, images.cols());
            assertEquals(250, images.pixel(1, 0, 0));
            assertEquals(255, images.pixel(1, 0, 1));
            assertEquals(5 / 255f, images.scaled(0)[5]);
        }
    }

    @Test
    void reads_labels_as_unsigned_values() throws IOException {
        Path file = dir.resolve("labels-idx1-ubyte.gz");
        write(file, 0x00000801, new int[] {3}, new byte[] {7, 0, (byte) 200});
        assertArrayEquals(new int[] {7, 0, 200}, IdxFiles.readLabels(file));
    }

    @Test
    void names_the_file_and_the_magic_when_the_dimensions_are_wrong() throws IOException {
        Path file = dir.resolve("labels-idx1-ubyte");
        write(file, 0x00000801, new int[] {3}, new byte[] {1, 2, 3});
        String message = assertThrows(AnnotaException.class, () -> IdxFiles.readImages(file)).getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("field 'magic'"), message);
        assertTrue(message.contains("0x00000801"), message);
    }

    @Test
    void reports_a_truncated_file_instead_of_reading_short() throws IOException {
        Path file = dir.resolve("short-idx3-ubyte");
        write(file, 0x00000803, new int[] {2, 2, 2}, new byte[] {1, 2, 3});
        String message = assertThrows(AnnotaException.class, () -> IdxFiles.readImages(file)).getMessage();
        assertTrue(message.contains("truncated") && message.contains("8 data bytes"), message);
    }

    @Test
    void reads_debians_fashion_mnist_with_its_published_shape_and_class_balance() throws IOException {
        assumeTrue(FashionMnist.presentIn(FashionMnist.DEBIAN_FOLDER), "needs Debian's dataset-fashion-mnist");
        FashionMnist data = FashionMnist.read(FashionMnist.DEBIAN_FOLDER);
        assertEquals(60_000, data.trainImages().count());
        assertEquals(10_000, data.testImages().count());
        assertEquals(28, data.trainImages().rows());
        int[] perClass = new int[10];
        Arrays.stream(data.testLabels()).forEach(l -> perClass[l]++);
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass);
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
    }
}
