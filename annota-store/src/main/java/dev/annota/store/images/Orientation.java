package dev.annota.store.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Upright;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * EXIF orientation (tag 0x0112): how the stored pixels must be turned to be displayed upright. 1 is "as
 * stored"; 2 mirror; 3 rotate 180°; 4 flip; 5 transpose; 6 rotate 90° clockwise; 7 transverse; 8 rotate 90°
 * counter-clockwise. Orientations 5–8 swap width and height.
 */
public final class Orientation {
    public static final int NORMAL = 1;

    private Orientation() {
    }

    static int check(int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw ValidationException.of("orientation", orientation, "expected an EXIF orientation from 1 to 8");
        }
        return orientation;
    }

    /** Whether the orientation turns the image by a quarter (width and height swap). */
    public static boolean swapsSides(int orientation) {
        return Upright.swapsSides(orientation);
    }

    /**
     * The orientation written in the file's EXIF data, or 1 when there is none. A file whose metadata cannot be
     * parsed is shown as stored (1): its pixels are what counts, and they are checked separately.
     */
    public static int read(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int value = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
            return NORMAL;
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // unreadable metadata means "no orientation"; the decode that follows reports real damage
            return NORMAL;
        }
    }

    /** {@code image} turned upright according to {@code orientation} (a new image unless it is 1). */
    public static BufferedImage apply(BufferedImage image, int orientation) {
        check(orientation);
        if (orientation == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] turned = Upright.turn(image.getRGB(0, 0, w, h, null, 0, w), w, h, orientation);
        boolean swap = swapsSides(orientation);
        int ow = swap ? h : w;
        BufferedImage out = new BufferedImage(ow, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, ow, swap ? w : h, turned, 0, ow);
        return out;
    }
}
