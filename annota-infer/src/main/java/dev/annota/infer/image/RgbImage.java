package dev.annota.infer.image;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * An upright 8-bit RGB image as packed {@code 0xRRGGBB} ints, row-major: the one pixel form preprocessing
 * reads. Alpha is dropped (the stored colour is kept, as PIL's {@code convert("RGB")} does). The array is
 * shared, not copied: treat it as read-only.
 */
public record RgbImage(int width, int height, int[] pixels) {
    public RgbImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw ValidationException.of("size", width + "x" + height, "expected an image of at least 1x1 pixel");
        }
        if (pixels.length != width * height) {
            throw ValidationException.of("pixels", pixels.length, "expected width*height = " + width * height + " pixels");
        }
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    /** The pixels of {@code image}, read straight from the raster for the common types (no colour conversion). */
    public static RgbImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        Raster r = image.getRaster();
        boolean plain = r.getParent() == null && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0;
        switch (plain ? image.getType() : BufferedImage.TYPE_CUSTOM) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] src = ((DataBufferInt) r.getDataBuffer()).getData();
                for (int i = 0; i < out.length; i++) {
                    out[i] = src[i] & 0xFFFFFF;
                }
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] src = ((DataBufferByte) r.getDataBuffer()).getData();
                for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                    out[i] = (src[j + 2] & 0xFF) << 16 | (src[j + 1] & 0xFF) << 8 | src[j] & 0xFF;
                }
            }
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                byte[] src = ((DataBufferByte) r.getDataBuffer()).getData();
                for (int i = 0, j = 0; i < out.length; i++, j += 4) {
                    out[i] = (src[j + 3] & 0xFF) << 16 | (src[j + 2] & 0xFF) << 8 | src[j + 1] & 0xFF;
                }
            }
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] src = ((DataBufferByte) r.getDataBuffer()).getData();
                for (int i = 0; i < out.length; i++) {
                    int g = src[i] & 0xFF;
                    out[i] = g << 16 | g << 8 | g;
                }
            }
            default -> {
                image.getRGB(0, 0, w, h, out, 0, w);
                for (int i = 0; i < out.length; i++) {
                    out[i] &= 0xFFFFFF;
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** The largest channel value over the whole image (1 for an all-black image, so dividing by it is safe). */
    public int maxChannel() {
        int max = 1;
        for (int p : pixels) {
            max = Math.max(max, Math.max(p >>> 16 & 0xFF, Math.max(p >>> 8 & 0xFF, p & 0xFF)));
            if (max == 255) {
                break;
            }
        }
        return max;
    }
}
