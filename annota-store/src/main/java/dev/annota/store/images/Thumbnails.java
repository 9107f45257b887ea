package dev.annota.store.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Thumbnails: the upright image scaled so that its longest side is {@link #LONG_SIDE} pixels (smaller images
 * keep their size), on white where the original is transparent, as a JPEG of quality {@link #QUALITY}. The
 * original is subsampled while decoding to about twice the thumbnail size, then halved with bilinear
 * filtering until it fits, which keeps edges smooth without holding a large image.
 */
public final class Thumbnails {
    public static final int LONG_SIDE = 256;
    public static final float QUALITY = 0.85f;

    private Thumbnails() {
    }

    static void write(Path original, ImageFormat format, int orientation, String name, Path target) throws IOException {
        BufferedImage decoded = ImageReading.decode(original, format, name, 2 * LONG_SIDE);
        BufferedImage upright = Orientation.apply(decoded, orientation);
        BufferedImage small = scale(upright);
        writeJpeg(small, target);
    }

    static BufferedImage scale(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) LONG_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = image;
        int cw = w;
        int ch = h;
        do {
            cw = Math.max(tw, cw / 2);
            ch = Math.max(th, ch / 2);
            if (current != image || cw != w || ch != h || image.getType() != BufferedImage.TYPE_INT_RGB) {
                current = draw(current, cw, ch);
            }
        } while (cw != tw || ch != th);
        return current;
    }

    /** {@code src} drawn at {@code w × h} on white (RGB, bilinear): the one resampling of thumbnails and tiles. */
    static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code image} as a JPEG of quality {@link #QUALITY} at {@code target}. */
    static void writeJpeg(BufferedImage image, Path target) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer is installed");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(target); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
