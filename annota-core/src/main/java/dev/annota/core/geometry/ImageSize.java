package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;

/** The pixel size of an image. Both sides are at least 1. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width < 1) {
            throw ValidationException.of("width", width, "expected an image width of at least 1 pixel");
        }
        if (height < 1) {
            throw ValidationException.of("height", height, "expected an image height of at least 1 pixel");
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The whole image as a box. */
    public PixelBox box() {
        return new PixelBox(0, 0, width, height);
    }
}
