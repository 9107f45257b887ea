package dev.annota.infer.image;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
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
        return decodeReduced(bytes, source, maxPixels, size -> 1).image();
    }

    /**
     * An image decoded at reduced scale: every {@code subsampling}-th pixel of every {@code subsampling}-th row
     * of the stored image (1: all of it), upright.
     *
     * @param fullSize the upright size of the whole image
     */
    public record Reduced(RgbImage image, ImageSize fullSize, int subsampling) {
        public Reduced {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(fullSize, "fullSize");
            if (subsampling < 1) {
                throw ValidationException.of("subsampling", subsampling, "expected 1 or more");
            }
        }
    }

    /**
     * Like {@link #decode(byte[], String, long)}, but asks {@code subsampling} — given the upright full size,
     * read from the header — how many pixels to step in each direction while decoding
     * ({@link ImageReadParam#setSourceSubsampling}); the decoder then converts and keeps only those pixels.
     * Callers choose a step that keeps the image at least as large as what they need (a model's input).
     */
    public static Reduced decodeReduced(byte[] bytes, String source, long maxPixels, ToIntFunction<ImageSize> subsampling)
            throws IOException {
        int orientation = ExifOrientation.read(bytes);
        BufferedImage image;
        ImageSize full;
        int step;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new AnnotaException(source + ": not a readable image (expected JPEG, PNG, BMP, GIF or another ImageIO format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > maxPixels) {
                    throw new ImageTooLargeException(source, w, h, maxPixels);
                }
                boolean swap = orientation >= 5 && orientation <= 8;
                full = new ImageSize(swap ? h : w, swap ? w : h);
                step = Math.max(1, Math.min(subsampling.applyAsInt(full), Math.min(w, h)));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnnotaException a) {
                throw a;
            }
            throw new AnnotaException(source + ": not a readable image (" + e.getMessage() + ")", e);
        }
        return new Reduced(ExifOrientation.apply(RgbImage.of(image), orientation), full, step);
    }
}
