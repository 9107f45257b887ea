package dev.annota.formats.labelme;

import dev.annota.core.error.ValidationException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * LabelMe's shape masks: a base64 PNG of the mask's box. A pixel is set when any of its samples is not 0
 * (LabelMe writes a 1-bit PNG; 8-bit grey or palette PNGs with 0/1 or 0/255 read the same). The writer
 * writes 1-bit PNGs, as LabelMe does.
 */
final class MaskPng {
    static {
        ImageIO.setUseCache(false);
    }

    private MaskPng() {
    }

    /** A decoded mask: row-major pixels of {@code width × height}. */
    record Bitmap(int width, int height, boolean[] pixels) {
    }

    static Bitmap decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("mask", shorten(base64), "expected base64 PNG data (" + e.getMessage() + ")");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw ValidationException.of("mask", shorten(base64), "expected a readable PNG (" + e.getMessage() + ")");
        }
        if (img == null) {
            throw ValidationException.of("mask", shorten(base64), "expected a PNG image");
        }
        Raster r = img.getRaster();
        int w = img.getWidth(), h = img.getHeight(), bands = r.getNumBands();
        boolean[] px = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands && !px[y * w + x]; b++) {
                    px[y * w + x] = r.getSample(x, y, b) != 0;
                }
            }
        }
        return new Bitmap(w, h, px);
    }

    static String encode(Bitmap m) throws IOException {
        BufferedImage img = new BufferedImage(m.width(), m.height(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.pixels()[y * m.width() + x]) {
                    img.getRaster().setSample(x, y, 0, 1);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
