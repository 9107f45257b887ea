package dev.annota.server;

import dev.annota.app.operations.OperationRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server runs: its data folder, the port (0 picks a free one, as tests do), the largest request body
 * accepted, and how long a login session lasts; for images, the largest multipart upload (streamed to disk, never
 * held in memory) and the only folder server-side imports may read from (none: such imports are off); how many
 * long operations (exports, asynchronous imports) run at once.
 */
public record ServerConfig(Path dataDir, int port, long maxRequestBytes, Duration sessionTtl, long maxUploadBytes,
                           Optional<Path> importRoot, int operationWorkers) {
    /** 10 MiB: enough for any JSON request; uploads set their own, larger limit. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofDays(7);
    /** 2 GiB: the largest multipart image upload (one request, all its files). */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L << 30;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive, got " + sessionTtl);
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("maxUploadBytes must be at least 1024, got " + maxUploadBytes);
        }
        Objects.requireNonNull(importRoot, "importRoot");
        if (operationWorkers < 1 || operationWorkers > 64) {
            throw new IllegalArgumentException("operationWorkers must be 1..64, got " + operationWorkers);
        }
    }

    /** The defaults for a data folder and port. */
    public static ServerConfig of(Path dataDir, int port) {
        return new ServerConfig(dataDir, port, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_SESSION_TTL, DEFAULT_MAX_UPLOAD_BYTES, Optional.empty(),
                OperationRunner.DEFAULT_WORKERS);
    }

    public ServerConfig withMaxRequestBytes(long bytes) {
        return new ServerConfig(dataDir, port, bytes, sessionTtl, maxUploadBytes, importRoot, operationWorkers);
    }

    public ServerConfig withSessionTtl(Duration ttl) {
        return new ServerConfig(dataDir, port, maxRequestBytes, ttl, maxUploadBytes, importRoot, operationWorkers);
    }

    /** The largest multipart image upload, in bytes. */
    public ServerConfig withMaxUploadBytes(long bytes) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, bytes, importRoot, operationWorkers);
    }

    /** Allows server-side imports of folders and zips under {@code root}. */
    public ServerConfig withImportRoot(Path root) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, maxUploadBytes, Optional.of(root), operationWorkers);
    }

    /** How many operations (exports, asynchronous imports) run at the same time; more wait in a queue. */
    public ServerConfig withOperationWorkers(int workers) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, maxUploadBytes, importRoot, workers);
    }
}
