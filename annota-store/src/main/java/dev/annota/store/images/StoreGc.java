package dev.annota.store.images;

import dev.annota.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Removes what no database row needs: originals whose hash no {@code images} row of any project references,
 * their thumbnails, orphan thumbnails, and temporary files left by a crash — each only when older than a
 * minimum age (an hour by default), so files of an import still writing its rows are safe.
 */
public final class StoreGc {
    public static final Duration DEFAULT_MIN_AGE = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final ImageStore store;

    public StoreGc(Database db, ImageStore store) {
        this.jdbi = db.jdbi();
        this.store = store;
    }

    /** What a collection removed. */
    public record Result(int originals, int thumbnails, int temporary) {
    }

    public Result collect() throws IOException {
        return collect(DEFAULT_MIN_AGE);
    }

    public Result collect(Duration minAge) throws IOException {
        Instant cutoff = Instant.now().minus(minAge);
        int[] counts = new int[3];
        for (Path file : files(store.imagesDir())) {
            String name = file.getFileName().toString();
            if (!isOld(file, cutoff)) {
                continue;
            }
            if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                counts[2] += delete(file);
            } else if (!referenced(stem(name))) {
                counts[0] += delete(file);
            }
        }
        for (Path file : files(store.thumbsDir())) {
            String name = file.getFileName().toString();
            if (isOld(file, cutoff) && (name.endsWith(AtomicFiles.TEMP_SUFFIX) || !referenced(stem(name)))) {
                counts[name.endsWith(AtomicFiles.TEMP_SUFFIX) ? 2 : 1] += delete(file);
            }
        }
        for (Path file : files(store.tmpDir())) {
            if (isOld(file, cutoff)) {
                counts[2] += delete(file);
            }
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private boolean referenced(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images WHERE sha256 = :sha")
                .bind("sha", sha256).mapTo(Long.class).one()) > 0;
    }

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static boolean isOld(Path file, Instant cutoff) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    }

    private static int delete(Path file) throws IOException {
        return Files.deleteIfExists(file) ? 1 : 0;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
