package dev.annota.infer.image;

import dev.annota.core.geometry.Upright;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A small reader of the EXIF orientation tag (0x0112) in JPEG (APP1 "Exif") and PNG ({@code eXIf} chunk)
 * files, and its application to pixels ({@link Upright} turns them). 1 is "as stored"; 2 mirror; 3 rotate 180°; 4 flip; 5 transpose;
 * 6 rotate 90° clockwise; 7 transverse; 8 rotate 90° counter-clockwise. Anything unreadable counts as 1: the
 * pixels matter, and the decoder reports real damage.
 */
public final class ExifOrientation {
    public static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** The orientation recorded in the file's bytes, or 1. */
    public static int read(byte[] file) {
        try {
            if (file.length > 4 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8) {
                return fromJpeg(file);
            }
            if (file.length > 8 && (file[0] & 0xFF) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G') {
                return fromPng(file);
            }
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            // a truncated or odd metadata block means "no orientation"; decoding reports real damage
        }
        return NORMAL;
    }

    private static int fromJpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan: no metadata after this
            }
            int len = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
            if (marker == 0xE1 && len > 8 && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i' && b[i + 7] == 'f') {
                return fromTiff(b, i + 10, len - 8);
            }
            i += 2 + len;
        }
        return NORMAL;
    }

    private static int fromPng(byte[] b) {
        int i = 8;
        while (i + 12 <= b.length) {
            int len = ByteBuffer.wrap(b, i, 4).getInt();
            String type = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("eXIf")) {
                return fromTiff(b, i + 8, len);
            }
            if (type.equals("IDAT") || len < 0) {
                break;
            }
            i += 12 + len;
        }
        return NORMAL;
    }

    /** IFD0 of a TIFF structure at {@code start}. */
    private static int fromTiff(byte[] b, int start, int length) {
        ByteBuffer t = ByteBuffer.wrap(b, start, Math.min(length, b.length - start)).slice();
        t.order(t.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int ifd = t.getInt(4);
        int entries = t.getShort(ifd) & 0xFFFF;
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + 12 * e;
            if ((t.getShort(at) & 0xFFFF) == 0x0112) {
                int v = t.getShort(at + 8) & 0xFFFF;
                return v >= 1 && v <= 8 ? v : NORMAL;
            }
        }
        return NORMAL;
    }

    /** {@code image} turned upright (the same object when the orientation is 1 or unknown). */
    public static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        boolean swap = Upright.swapsSides(orientation);
        int[] out = Upright.turn(image.pixels(), image.width(), image.height(), orientation);
        return new RgbImage(swap ? image.height() : image.width(), swap ? image.width() : image.height(), out);
    }
}
