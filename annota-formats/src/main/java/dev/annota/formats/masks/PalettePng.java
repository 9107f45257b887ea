package dev.annota.formats.masks;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads and writes label PNGs with the JDK's ImageIO: indexed (palette) PNGs as VOC writes them, 8- and 16-bit
 * grayscale PNGs as Cityscapes writes them, and colour PNGs whose colours name the classes (Datumaro writes
 * VOC masks so). Values are read exactly: palette indices and gray levels from the raster, never through a
 * colour conversion. Writes are atomic (a {@code .partial} file beside the target, then a move).
 */
public final class PalettePng {
    static {
        ImageIO.setUseCache(false);
    }

    private PalettePng() {
    }

    /** The pixels of a PNG (or any image ImageIO reads); empty when the file is not a readable image. */
    public static Optional<LabelImage> read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            return Optional.empty();
        }
        int w = image.getWidth(), h = image.getHeight();
        int[] values = new int[w * h];
        if (image.getColorModel() instanceof IndexColorModel icm) {
            image.getRaster().getSamples(0, 0, w, h, 0, values);
            int[] palette = new int[icm.getMapSize()];
            for (int i = 0; i < palette.length; i++) {
                palette[i] = icm.getRGB(i) & 0xFFFFFF;
            }
            return Optional.of(new LabelImage(w, h, values, LabelImage.Encoding.INDEXED, palette));
        }
        if (image.getRaster().getNumBands() <= 2 && image.getColorModel().getNumColorComponents() == 1) {
            image.getRaster().getSamples(0, 0, w, h, 0, values); // gray level, band 1 would be alpha
            return Optional.of(new LabelImage(w, h, values, LabelImage.Encoding.GRAY, new int[0]));
        }
        WritableRaster r = image.getRaster();
        if (r.getNumBands() >= 3 && image.getColorModel().getNumColorComponents() == 3) {
            int[] red = r.getSamples(0, 0, w, h, 0, (int[]) null);
            int[] green = r.getSamples(0, 0, w, h, 1, (int[]) null);
            int[] blue = r.getSamples(0, 0, w, h, 2, (int[]) null);
            int bits = image.getColorModel().getComponentSize(0);
            int shift = Math.max(0, bits - 8); // a 16-bit colour PNG: keep the high byte
            for (int i = 0; i < values.length; i++) {
                values[i] = ((red[i] >> shift) << 16) | ((green[i] >> shift) << 8) | (blue[i] >> shift);
            }
        } else {
            image.getRGB(0, 0, w, h, values, 0, w);
            for (int i = 0; i < values.length; i++) {
                values[i] &= 0xFFFFFF;
            }
        }
        return Optional.of(new LabelImage(w, h, values, LabelImage.Encoding.RGB, new int[0]));
    }

    /**
     * Writes an 8-bit indexed PNG: {@code indices[y * width + x]} in 0..255, colours from {@code palette}
     * (packed {@code 0xRRGGBB}; entries past its end are black).
     */
    public static void writeIndexed(Path file, int width, int height, int[] indices, int[] palette) throws IOException {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < Math.min(256, palette.length); i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        check(indices, width, height, 255);
        image.getRaster().setSamples(0, 0, width, height, 0, indices);
        write(image, file);
    }

    /** Writes a grayscale PNG of 8 bits ({@code sixteenBits} false, values 0..255) or 16 bits (0..65535). */
    public static void writeGray(Path file, int width, int height, int[] values, boolean sixteenBits) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                sixteenBits ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        check(values, width, height, sixteenBits ? 65535 : 255);
        image.getRaster().setSamples(0, 0, width, height, 0, values);
        write(image, file);
    }

    /** Writes a colour PNG from packed {@code 0xRRGGBB} values. */
    public static void writeRgb(Path file, int width, int height, int[] rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        check(rgb, width, height, 0xFFFFFF);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        write(image, file);
    }

    private static void check(int[] values, int width, int height, int max) {
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " values, got " + values.length);
        }
        for (int v : values) {
            if (v < 0 || v > max) {
                throw new IllegalArgumentException("value " + v + " does not fit in [0, " + max + "]");
            }
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for " + file);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
