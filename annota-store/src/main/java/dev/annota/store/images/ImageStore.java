package dev.annota.store.images;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The content-addressed image store under a data folder: each original at
 * {@code <data>/images/<sha[0:2]>/<sha[2:4]>/<sha>.<ext>}, each thumbnail at
 * {@code <data>/thumbs/<sha[0:2]>/<sha[2:4]>/<sha>.jpg}. Files are written atomically (a temporary file in the
 * same folder renamed into place: a killed process leaves a whole file or none) and never change afterwards;
 * storing the same content again is a no-op. {@link #sync} forces a batch of stored files to disk (an import
 * calls it before committing rows that name them); thumbnails are forced one by one. The database, not this folder, says which files belong to which project: a file with no
 * row is garbage ({@link StoreGc}).
 *
 * <p>Uploads are first spooled into {@code <data>/tmp/} (see {@link #spool}) so they can be inspected before
 * they are stored. Thread-safe: concurrent writers of the same content each rename a complete file.
 */
public final class ImageStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int SYNC_THREADS = 16;

    private final Path root;
    private final Path images;
    private final Path thumbs;
    private final Path tmp;

    public ImageStore(Path dataDir) {
        this.root = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.images = root.resolve("images");
        this.thumbs = root.resolve("thumbs");
        this.tmp = root.resolve("tmp");
    }

    public Path root() {
        return root;
    }

    Path imagesDir() {
        return images;
    }

    Path thumbsDir() {
        return thumbs;
    }

    Path tmpDir() {
        return tmp;
    }

    /** Where the original with this hash and format lives (whether or not it is there). */
    public Path path(String sha256, ImageFormat format) {
        return shard(images, sha256).resolve(sha256 + "." + format.extension());
    }

    /** Where the thumbnail of this hash lives (whether or not it was made yet). */
    public Path thumbnailPath(String sha256) {
        return shard(thumbs, sha256).resolve(sha256 + ".jpg");
    }

    /**
     * Stores a copy of {@code file}, whose inspection gave {@code info}, and returns where it is (call
     * {@link #sync} before a database row names it). When the
     * content is already stored, only its modification time is refreshed (so that a garbage collection
     * running during this import does not take it).
     */
    public Path put(Path file, ImageInfo info) throws IOException {
        Path target = path(info.sha256(), info.format());
        if (Files.isRegularFile(target) && Files.size(target) == info.bytes()) {
            Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
            return target;
        }
        AtomicFiles.copy(file, target);
        return target;
    }

    /**
     * Forces stored files, and the folders that name them, to disk — in parallel, since one fsync at a time
     * costs milliseconds each. An import calls this once for all its files before it commits their rows, so
     * no committed row can name a file that a power cut took away.
     */
    public void sync(Collection<Path> files) throws IOException {
        Set<Path> folders = new HashSet<>();
        files.forEach(f -> folders.add(f.getParent()));
        ExecutorService pool = Executors.newFixedThreadPool(SYNC_THREADS, r -> {
            Thread t = new Thread(r, "annota-image-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> {
                    AtomicFiles.force(f);
                    return null;
                }));
            }
            for (Path d : folders) {
                done.add(pool.submit(() -> {
                    AtomicFiles.syncFolder(d);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forcing stored images to disk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot force stored images to disk", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the original with this hash and format is stored. */
    public boolean contains(String sha256, ImageFormat format) {
        return Files.isRegularFile(path(sha256, format));
    }

    /** The stored original, for serving; empty when it is not stored. */
    public Optional<StoredFile> original(String sha256, ImageFormat format) throws IOException {
        Path p = path(sha256, format);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(new StoredFile(p, format.mimeType(), Files.size(p), sha256));
    }

    /**
     * The thumbnail of a stored original (a JPEG whose longest side is {@link Thumbnails#LONG_SIDE} pixels,
     * orientation applied), made on first request and cached. Throws {@link AnnotaException} when the original
     * is not stored.
     */
    public StoredFile thumbnail(String sha256, ImageFormat format, int orientation) throws IOException {
        Path target = thumbnailPath(sha256);
        if (!Files.isRegularFile(target)) {
            Path source = path(sha256, format);
            if (!Files.isRegularFile(source)) {
                throw new AnnotaException("image " + sha256 + ": the original is not in the store at " + source);
            }
            Files.createDirectories(target.getParent());
            Path temp = AtomicFiles.tempBeside(target);
            try {
                Thumbnails.write(source, format, orientation, sha256 + "." + format.extension(), temp);
                AtomicFiles.publish(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new StoredFile(target, "image/jpeg", Files.size(target), sha256);
    }

    /**
     * Copies {@code in} into a new file under {@code <data>/tmp/} and returns it, for inspection before
     * {@link #put}; the caller deletes it. At most {@code maxBytes} are accepted.
     */
    public Path spool(InputStream in, long maxBytes, String name) throws IOException {
        Files.createDirectories(tmp);
        Path file = tmp.resolve("upload-" + UUID.randomUUID() + AtomicFiles.TEMP_SUFFIX);
        try (var out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw ValidationException.of(name, "more than " + maxBytes + " bytes", "expected a file of at most " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static Path shard(Path base, String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ValidationException.of("sha256", sha256, "expected 64 lower-case hexadecimal digits");
        }
        return base.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4));
    }
}
