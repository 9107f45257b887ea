package dev.annota.formats;

import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image file's pixel size from its header, without decoding the pixels. */
public final class ImageProbe {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageProbe() {
    }

    /**
     * The size of an item's image for a writer that cannot do without one: as the item declares it, else read
     * from its file. When there is none, reports the error {@code item <id>: field 'image.size': expected a
     * known image size (<why>); item skipped} and returns empty.
     */
    public static Optional<ImageSize> sizeOrSkip(Item item, String why, ImportReport report) {
        Optional<ImageSize> size = item.image().size().or(() -> size(Path.of(item.image().location())));
        if (size.isEmpty()) {
            report.error(new FieldError("item " + item.id(), "image.size", item.image().location(),
                    "expected a known image size (" + why + "); item skipped"));
        }
        return size;
    }

    /** The size of the image at {@code file}; empty when it is missing or not an image ImageIO can read. */
    public static Optional<ImageSize> size(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a corrupt or unsupported file has no size we can trust; the caller reports the missing size
            return Optional.empty();
        }
    }
}
