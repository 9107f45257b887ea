package dev.annota.testkit.shapes;

import dev.annota.core.geometry.ImageSize;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * One generated image with its exact ground truth. Immutable: the pixels are copied in and out.
 *
 * <p>The objects are the kept shapes in z-order (bottom first). Every non-background pixel belongs to exactly
 * one object's mask, and has that object's colour; see {@link ShapeObject} for the per-object semantics and
 * {@link SceneTags} for the tags.
 */
public final class ShapeScene {
    private final long seed;
    private final ImageSize size;
    private final BackgroundStyle background;
    private final int[] rgb;
    private final List<ShapeObject> objects;
    private final SortedSet<String> tags;

    ShapeScene(long seed, ImageSize size, BackgroundStyle background, int[] rgb, List<ShapeObject> objects,
               SortedSet<String> tags) {
        this.seed = seed;
        this.size = Objects.requireNonNull(size, "size");
        this.background = Objects.requireNonNull(background, "background");
        if (rgb.length != size.pixels()) {
            throw new IllegalArgumentException("expected " + size.pixels() + " pixels, got " + rgb.length);
        }
        this.rgb = rgb;
        this.objects = List.copyOf(objects);
        this.tags = tags;
    }

    /** The seed this scene was generated from; with the same config it gives the same scene again. */
    public long seed() {
        return seed;
    }

    public ImageSize size() {
        return size;
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    public BackgroundStyle background() {
        return background;
    }

    /** The kept shapes, bottom-most first ({@code objects().get(i).zOrder() == i}). */
    public List<ShapeObject> objects() {
        return objects;
    }

    /** The image-level tags, sorted; see {@link SceneTags}. */
    public SortedSet<String> tags() {
        return tags;
    }

    /** The colour of pixel (x, y) as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        if (x < 0 || y < 0 || x >= size.width() || y >= size.height()) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + size);
        }
        return rgb[y * size.width() + x];
    }

    /** A copy of the pixels, {@code 0xRRGGBB}, row-major ({@code [y * width + x]}). */
    public int[] pixels() {
        return rgb.clone();
    }

    /** A new {@link BufferedImage#TYPE_INT_RGB} image of the pixels. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, data, 0, rgb.length);
        return image;
    }

    /** Writes a lossless 8-bit RGB PNG; reading it back gives exactly {@link #pixels()}. */
    public void writePng(Path file) throws IOException {
        ImageFiles.writePng(toImage(), file);
    }

    /** Writes a baseline JPEG with {@code quality} in [0, 1] (lossy: the masks no longer match pixel colours exactly). */
    public void writeJpeg(Path file, float quality) throws IOException {
        ImageFiles.writeJpeg(toImage(), file, quality);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeScene s && s.seed == seed && s.size.equals(size) && s.background == background
                && Arrays.equals(s.rgb, rgb) && s.objects.equals(objects) && s.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, size, background, Arrays.hashCode(rgb), objects, tags);
    }

    @Override
    public String toString() {
        return "ShapeScene[seed=" + seed + ", " + size.width() + "x" + size.height() + ", " + objects.size()
                + " objects, tags=" + tags + "]";
    }
}
