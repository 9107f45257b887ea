package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;

/**
 * Turns row-major pixels upright by an EXIF orientation (tag 0x0112): 1 is "as stored"; 2 mirror; 3 rotate
 * 180°; 4 flip; 5 transpose; 6 rotate 90° clockwise; 7 transverse; 8 rotate 90° counter-clockwise.
 * Orientations 5–8 swap width and height. Pure: the store's thumbnails and hashes and the inference decoder
 * both turn their pixels here.
 */
public final class Upright {
    /** "As stored". */
    public static final int NORMAL = 1;

    private Upright() {
    }

    /** Whether the orientation turns the image by a quarter (width and height swap). */
    public static boolean swapsSides(int orientation) {
        return check(orientation) >= 5;
    }

    /**
     * The {@code width × height} pixels (one int each, any packing) turned upright: a new array whose rows are
     * {@code swapsSides ? height : width} long, or {@code pixels} itself for orientation 1.
     *
     * @throws ValidationException when the orientation is not 1–8 or the array does not hold width·height pixels
     */
    public static int[] turn(int[] pixels, int width, int height, int orientation) {
        check(orientation);
        if (pixels.length != width * height) {
            throw ValidationException.of("pixels", pixels.length, "expected width*height = " + width * height + " pixels");
        }
        if (orientation == NORMAL) {
            return pixels;
        }
        int w = width;
        int h = height;
        int ow = orientation >= 5 ? h : w;
        int[] out = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                out[ty * ow + tx] = pixels[y * w + x];
            }
        }
        return out;
    }

    private static int check(int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw ValidationException.of("orientation", orientation, "expected an EXIF orientation from 1 to 8");
        }
        return orientation;
    }
}
