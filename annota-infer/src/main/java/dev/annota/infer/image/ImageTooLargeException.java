package dev.annota.infer.image;

import dev.annota.core.error.AnnotaException;

/** An image whose header declares more pixels than the caller allows (a decompression bomb, or just too big). */
public final class ImageTooLargeException extends AnnotaException {
    private final long pixels;
    private final long limit;

    public ImageTooLargeException(String source, int width, int height, long limit) {
        super(source + ": image of " + width + "x" + height + " pixels is above the limit of " + limit + " pixels");
        this.pixels = (long) width * height;
        this.limit = limit;
    }

    public long pixels() {
        return pixels;
    }

    public long limit() {
        return limit;
    }
}
