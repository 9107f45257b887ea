package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A tile pyramid of a stored image, made lazily and cached by content hash: JPEG tiles of {@link #TILE_SIZE}
 * pixels at levels 0 (full resolution), 1 (half), 2 (a quarter)… down to the level where the whole upright image
 * fits in one tile. Tiles at the right and bottom edges are smaller. Files live at
 * {@code <data>/tiles/<sha[0:2]>/<sha[2:4]>/<sha>/<TILE_SIZE>/<level>/<x>_<y>.jpg} and never change.
 *
 * <p>Memory stays bounded: the first request for a tile decodes only its band (one row of tiles of that level)
 * from the original with an ImageIO source region and subsampling — a 10,000 × 10,000 image is never decoded at
 * full resolution in one piece — and writes every tile of the band, so its neighbours are then served from the
 * cache. At level l ≥ 1 the band is read at twice the level's resolution (subsampling 2^(l-1)) and halved with
 * bilinear filtering, which avoids the aliasing of plain subsampling; a band too large for that is read at the
 * level's resolution directly. At most {@link #PARALLEL_DECODES} bands are decoded at once, and one band is
 * never decoded twice at the same time. EXIF orientation is applied (tile coordinates are upright).
 */
public final class TilePyramid {
    public static final int TILE_SIZE = 512;
    public static final int PARALLEL_DECODES = 2;
    public static final float QUALITY = Thumbnails.QUALITY;
    /** Above this many decoded pixels a band is read at the level's resolution instead of twice it. */
    static final long MAX_OVERSAMPLED_BAND_PIXELS = 24_000_000L;

    private final Path root;
    private final Semaphore decodes = new Semaphore(PARALLEL_DECODES);
    private final Object[] bandLocks = new Object[64];

    /** The levels of an upright {@code width × height} image: level 0 is full size, each next one half. */
    public record Layout(int width, int height, int tileSize, int levels) {
        public static Layout of(int width, int height) {
            if (width < 1 || height < 1) {
                throw ValidationException.of("size", width + "x" + height, "expected an image of at least 1 x 1 pixels");
            }
            int levels = 1;
            while (ceilDiv(width, 1L << (levels - 1)) > TILE_SIZE || ceilDiv(height, 1L << (levels - 1)) > TILE_SIZE) {
                levels++;
            }
            return new Layout(width, height, TILE_SIZE, levels);
        }

        public int levelWidth(int level) {
            return (int) ceilDiv(width, 1L << level);
        }

        public int levelHeight(int level) {
            return (int) ceilDiv(height, 1L << level);
        }

        public int columns(int level) {
            return (int) ceilDiv(levelWidth(level), tileSize);
        }

        public int rows(int level) {
            return (int) ceilDiv(levelHeight(level), tileSize);
        }

        /** Throws a ValidationException naming the bad coordinate when (level, x, y) is not a tile of this image. */
        public void check(int level, int x, int y) {
            if (level < 0 || level >= levels) {
                throw ValidationException.of("level", level, "expected a level in [0, " + (levels - 1) + "]");
            }
            if (x < 0 || x >= columns(level)) {
                throw ValidationException.of("x", x, "expected a column in [0, " + (columns(level) - 1) + "] at level " + level);
            }
            if (y < 0 || y >= rows(level)) {
                throw ValidationException.of("y", y, "expected a row in [0, " + (rows(level) - 1) + "] at level " + level);
            }
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }

    public TilePyramid(Path dataDir) {
        this.root = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize().resolve("tiles");
        for (int i = 0; i < bandLocks.length; i++) {
            bandLocks[i] = new Object();
        }
    }

    /** Where a tile lives (whether or not it was made yet). */
    public Path tilePath(String sha256, int level, int x, int y) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256)
                .resolve(Integer.toString(TILE_SIZE)).resolve(Integer.toString(level)).resolve(x + "_" + y + ".jpg");
    }

    /**
     * The tile (level, x, y) of the stored original at {@code original}, made (with the rest of its band) on
     * first request. {@code layout} is of the upright image; {@code orientation} is the original's EXIF one.
     */
    public StoredFile tile(String sha256, Path original, ImageFormat format, int orientation, Layout layout,
                           int level, int x, int y) throws IOException {
        layout.check(level, x, y);
        Path target = tilePath(sha256, level, x, y);
        if (!Files.isRegularFile(target)) {
            String band = sha256 + "/" + level + "/" + y;
            synchronized (bandLocks[Math.floorMod(band.hashCode(), bandLocks.length)]) {
                if (!Files.isRegularFile(target)) {
                    decodes.acquireUninterruptibly();
                    try {
                        writeBand(sha256, original, format, orientation, layout, level, y);
                    } finally {
                        decodes.release();
                    }
                }
            }
        }
        return new StoredFile(target, "image/jpeg", Files.size(target), sha256 + "-t" + TILE_SIZE + "-" + level + "-" + x + "-" + y);
    }

    private void writeBand(String sha256, Path original, ImageFormat format, int orientation, Layout layout,
                           int level, int row) throws IOException {
        int t = layout.tileSize();
        long scale = 1L << level;
        // the band in upright full-resolution pixels
        int y0 = (int) Math.min(layout.height(), (long) row * t * scale);
        int y1 = (int) Math.min(layout.height(), ((long) row + 1) * t * scale);
        Rectangle upright = new Rectangle(0, y0, layout.width(), y1 - y0);
        int outW = layout.levelWidth(level);
        int outH = Math.min(t, layout.levelHeight(level) - row * t);
        int step = (int) scale;
        if (level >= 1 && (long) (outW * 2) * (outH * 2) <= MAX_OVERSAMPLED_BAND_PIXELS) {
            step = (int) (scale / 2);
        }
        BufferedImage decoded = decodeRegion(original, format, orientation, layout, upright, step);
        BufferedImage band = resize(decoded, outW, outH);
        Path folder = tilePath(sha256, level, 0, row).getParent();
        Files.createDirectories(folder);
        for (int col = 0; col < layout.columns(level); col++) {
            int x0 = col * t;
            BufferedImage tile = band.getSubimage(x0, 0, Math.min(t, outW - x0), outH);
            Path target = tilePath(sha256, level, col, row);
            Path temp = AtomicFiles.tempBeside(target);
            Thumbnails.writeJpeg(tile, temp);
            AtomicFiles.publish(temp, target);
        }
    }

    /** The upright region {@code r} of the original, subsampled by {@code step}, with its orientation applied. */
    private static BufferedImage decodeRegion(Path file, ImageFormat format, int orientation, Layout layout,
                                              Rectangle r, int step) throws IOException {
        boolean swap = Orientation.swapsSides(orientation);
        int sw = swap ? layout.height() : layout.width();
        int sh = swap ? layout.width() : layout.height();
        Rectangle stored = storedRegion(r, orientation, sw, sh);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("the stored original " + file + " cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
            if (!readers.hasNext()) {
                throw new IOException("no " + format.key() + " reader is installed");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(stored);
                param.setSourceSubsampling(step, step, 0, 0);
                return Orientation.apply(reader.read(0, param), orientation);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The stored-pixel rectangle that shows as the upright rectangle {@code r}, for a stored image of
     * {@code sw × sh} with EXIF {@code orientation} (the inverse of {@link Orientation#apply}).
     */
    static Rectangle storedRegion(Rectangle r, int orientation, int sw, int sh) {
        int u0 = r.x, v0 = r.y, u1 = r.x + r.width, v1 = r.y + r.height;
        return switch (orientation) {
            case 2 -> new Rectangle(sw - u1, v0, r.width, r.height);
            case 3 -> new Rectangle(sw - u1, sh - v1, r.width, r.height);
            case 4 -> new Rectangle(u0, sh - v1, r.width, r.height);
            case 5 -> new Rectangle(v0, u0, r.height, r.width);
            case 6 -> new Rectangle(v0, sh - u1, r.height, r.width);
            case 7 -> new Rectangle(sw - v1, sh - u1, r.height, r.width);
            case 8 -> new Rectangle(sw - v1, u0, r.height, r.width);
            default -> new Rectangle(r);
        };
    }

    /** {@code src} drawn at {@code w × h} on white (RGB, bilinear), or as it is when it already fits. */
    private static BufferedImage resize(BufferedImage src, int w, int h) {
        if (src.getWidth() == w && src.getHeight() == h && src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        return Thumbnails.draw(src, w, h);
    }
}
