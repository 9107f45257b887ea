package dev.annota.app.images;

import dev.annota.core.error.ValidationException;
import dev.annota.store.images.PerceptualHash;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How imports behave on this server.
 *
 * @param importRoot          the only folder under which server-side folders and files may be imported;
 *                            empty disables server-side imports
 * @param nearDuplicateDistance the largest Hamming distance of perceptual hashes that flags a near-duplicate
 * @param maxUploadBytes      the largest single uploaded file
 */
public record ImportSettings(Optional<Path> importRoot, int nearDuplicateDistance, long maxUploadBytes) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L << 20;

    public ImportSettings {
        Objects.requireNonNull(importRoot, "importRoot");
        importRoot = importRoot.map(p -> p.toAbsolutePath().normalize());
        if (nearDuplicateDistance < 0 || nearDuplicateDistance > 64) {
            throw ValidationException.of("nearDuplicateDistance", nearDuplicateDistance, "expected a Hamming distance from 0 to 64");
        }
        if (maxUploadBytes < 1) {
            throw ValidationException.of("maxUploadBytes", maxUploadBytes, "expected a positive size");
        }
    }

    /** Defaults: no server-side imports, distance 8, uploads up to 512 MiB. */
    public static ImportSettings defaults() {
        return new ImportSettings(Optional.empty(), PerceptualHash.DEFAULT_NEAR_DISTANCE, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public ImportSettings withImportRoot(Path root) {
        return new ImportSettings(Optional.of(root), nearDuplicateDistance, maxUploadBytes);
    }
}
