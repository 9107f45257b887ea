package dev.annota.store.images;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * ImageIO behind one door: the stored size from the header alone, and a decode that subsamples while reading
 * (a 100-megapixel photo is never held at full size to make a 256-pixel thumbnail). Every ImageIO failure
 * becomes a {@link ValidationException} naming the file and what is wrong with it.
 */
final class ImageReading {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageReading() {
    }

    /** The stored (not yet oriented) width and height, from the header; the pixels are not decoded. */
    static int[] storedSize(Path file, ImageFormat format, String name) {
        try (ImageInputStream in = open(file, name)) {
            ImageReader reader = reader(format, name);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw corrupt(name, format, "an unreadable header", e);
        }
    }

    /**
     * The first image of the file decoded with subsampling so that its longest side is about
     * {@code longSide} pixels or more (never upsampled), as stored (orientation not applied).
     */
    static BufferedImage decode(Path file, ImageFormat format, String name, int longSide) {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = open(file, name)) {
            ImageReader reader = reader(format, name);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, longest / Math.max(1, longSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                for (String w : warnings) {
                    String lower = w.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("corrupt")) {
                        throw corrupt(name, format, "damaged image data (" + w.strip() + ")", null);
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw corrupt(name, format, "image data that cannot be decoded", e);
        }
    }

    private static ImageInputStream open(Path file, String name) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) {
            throw new ValidationException(new FieldError(name, "file", name, "expected a readable file"));
        }
        return in;
    }

    private static ImageReader reader(ImageFormat format, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ValidationException(new FieldError(name, "format", format.key(),
                    "expected a format this installation can read (no " + format.key() + " reader is installed)"));
        }
        return readers.next();
    }

    /** "expected a complete, valid PNG image, got a file with damaged image data (cause)". */
    static ValidationException corrupt(String name, ImageFormat format, String what, Throwable cause) {
        String detail = cause == null ? "" : " (" + describe(cause) + ")";
        ValidationException e = new ValidationException(new FieldError(name, "content", "a " + format.key() + " file with " + what + detail,
                "expected a complete, valid " + format.key().toUpperCase(Locale.ROOT) + " image"));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.strip();
    }
}
