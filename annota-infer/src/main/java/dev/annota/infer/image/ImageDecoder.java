package dev.annota.infer.image;

import dev.annota.core.error.AnnotaException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes an image file with ImageIO and turns it upright by its EXIF orientation. */
public final class ImageDecoder {
    /** Refuse absurd sizes before decoding (a decompression bomb would otherwise fill the heap). */
    public static final long MAX_PIXELS = 100_000_000L;

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /**
     * The upright pixels of {@code file}.
     *
     * @throws NoSuchFileException when the file is missing
     * @throws AnnotaException     when it is not a decodable image
     */
    public static RgbImage read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return decode(bytes, file.toString());
    }

    /** The upright pixels of an encoded image; {@code source} names it in errors. */
    public static RgbImage decode(byte[] bytes, String source) throws IOException {
        return decode(bytes, source, MAX_PIXELS);
    }

    /**
     * The upright pixels of an encoded image of at most {@code maxPixels} pixels, checked from the header before
     * any pixel is decoded.
     *
     * @throws ImageTooLargeException when the header declares more pixels
     * @throws AnnotaException        when the bytes are not a decodable image
     */
    public static RgbImage decode(byte[] bytes, String source, long maxPixels) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new AnnotaException(source + ": not a readable image (expected JPEG, PNG, BMP, GIF or another ImageIO format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new ImageTooLargeException(source, reader.getWidth(0), reader.getHeight(0), maxPixels);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnnotaException a) {
                throw a;
            }
            throw new AnnotaException(source + ": not a readable image (" + e.getMessage() + ")", e);
        }
        return ExifOrientation.apply(RgbImage.of(image), ExifOrientation.read(bytes));
    }
}
