package dev.annota.formats.cocopanoptic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Panoptic PNGs: each pixel's segment id is {@code R + 256·G + 256²·B}; 0 is no segment. */
final class PanopticPng {
    /** The largest id an RGB pixel can hold. */
    static final int MAX_ID = (1 << 24) - 1;

    static {
        ImageIO.setUseCache(false);
    }

    /** A decoded PNG: {@code ids} row-major, {@code width × height}. */
    record Ids(int width, int height, int[] ids) {
    }

    private PanopticPng() {
    }

    /** The segment ids of the PNG at {@code file}; empty when it is missing or not an image ImageIO reads. */
    static Optional<Ids> read(Path file) throws IOException {
        if (!file.toFile().isFile()) {
            return Optional.empty();
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            return Optional.empty();
        }
        int w = img.getWidth(), h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            rgb[i] = r + (g << 8) + (b << 16);
        }
        return Optional.of(new Ids(w, h, rgb));
    }

    /** Writes {@code ids} (row-major) as an 8-bit RGB PNG. */
    static void write(int width, int height, int[] ids, OutputStream out) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            rgb[i] = ((id & 0xFF) << 16) | (((id >> 8) & 0xFF) << 8) | ((id >> 16) & 0xFF);
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }
}
