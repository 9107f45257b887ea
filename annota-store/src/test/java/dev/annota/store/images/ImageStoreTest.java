package dev.annota.store.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    final ImageInspector inspector = new ImageInspector();

    @Test
    void stores_by_content_hash_and_storing_again_is_a_no_op(@TempDir Path dir) throws IOException {
        ImageStore store = new ImageStore(dir.resolve("data"));
        Path src = TestImages.write(dir.resolve("in/a.png"), TestImages.encode(TestImages.picture(50, 40, 1), "png"));
        ImageInfo info = inspector.inspect(src, "a.png");
        Path stored = store.put(src, info);
        String sha = info.sha256();
        assertEquals(dir.resolve("data").toAbsolutePath().resolve("images/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + ".png"), stored);
        assertEquals(-1, Files.mismatch(src, stored));
        Path copy = TestImages.write(dir.resolve("in/b.png"), Files.readAllBytes(src));
        assertEquals(stored, store.put(copy, inspector.inspect(copy, "b.png")));
        try (Stream<Path> s = Files.walk(dir.resolve("data/images"))) {
            assertEquals(1, s.filter(Files::isRegularFile).count(), "one file, no temporary left");
        }
        StoredFile f = store.original(sha, ImageFormat.PNG).orElseThrow();
        assertEquals("image/png", f.mimeType());
        assertEquals(Files.size(src), f.size());
        assertTrue(store.original(sha, ImageFormat.JPEG).isEmpty());
    }

    @Test
    void makes_an_upright_jpeg_thumbnail_once_and_caches_it(@TempDir Path dir) throws IOException {
        ImageStore store = new ImageStore(dir.resolve("data"));
        BufferedImage img = TestImages.picture(1200, 800, 2);
        Path src = TestImages.write(dir.resolve("r.jpg"), TestImages.jpegWithOrientation(img, 6));
        ImageInfo info = inspector.inspect(src, "r.jpg");
        store.put(src, info);
        StoredFile thumb = store.thumbnail(info.sha256(), info.format(), info.orientation());
        assertEquals("image/jpeg", thumb.mimeType());
        BufferedImage t = ImageIO.read(thumb.path().toFile());
        assertEquals(171, t.getWidth());
        assertEquals(256, t.getHeight());
        Files.setLastModifiedTime(thumb.path(), FileTime.fromMillis(1000));
        store.thumbnail(info.sha256(), info.format(), info.orientation());
        assertEquals(1000, Files.getLastModifiedTime(thumb.path()).toMillis(), "made once, then served from the cache");
    }

    @Test
    void a_small_image_keeps_its_size_in_the_thumbnail(@TempDir Path dir) throws IOException {
        ImageStore store = new ImageStore(dir.resolve("data"));
        Path src = TestImages.write(dir.resolve("s.png"), TestImages.encode(TestImages.picture(100, 60, 3), "png"));
        ImageInfo info = inspector.inspect(src, "s.png");
        store.put(src, info);
        BufferedImage t = ImageIO.read(store.thumbnail(info.sha256(), info.format(), 1).path().toFile());
        assertEquals(100, t.getWidth());
        assertEquals(60, t.getHeight());
    }

    @Test
    void a_thumbnail_of_a_missing_original_is_an_error(@TempDir Path dir) {
        ImageStore store = new ImageStore(dir);
        AnnotaException e = assertThrows(AnnotaException.class, () -> store.thumbnail("ab".repeat(32), ImageFormat.PNG, 1));
        assertTrue(e.getMessage().contains("the original is not in the store"), e.getMessage());
    }

    @Test
    void spools_uploads_up_to_a_limit(@TempDir Path dir) throws IOException {
        ImageStore store = new ImageStore(dir);
        Path f = store.spool(new java.io.ByteArrayInputStream(new byte[100]), 100, "a.png");
        assertEquals(100, Files.size(f));
        assertThrows(dev.annota.core.error.ValidationException.class,
                () -> store.spool(new java.io.ByteArrayInputStream(new byte[101]), 100, "b.png"));
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            assertEquals(1, s.count(), "the refused upload left nothing");
        }
        assertFalse(Files.exists(dir.resolve("images")));
    }
}
