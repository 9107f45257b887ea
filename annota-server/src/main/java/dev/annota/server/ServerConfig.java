package dev.annota.server;

import dev.annota.app.operations.OperationRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server runs: its data folder, the port (0 picks a free one, as tests do), the largest request body
 * accepted, and how long a login session lasts; for images, the largest multipart upload (streamed to disk, never
 * held in memory) and the only folder server-side imports may read from (none: such imports are off); the address
 * to listen on ({@code localhost} unless told otherwise, so a server is never exposed by accident); and how many
 * long operations (exports, asynchronous imports) run at once.
 */
public record ServerConfig(Path dataDir, int port, long maxRequestBytes, Duration sessionTtl, long maxUploadBytes,
                           Optional<Path> importRoot, String host, int operationWorkers) {
    /** The default bind address: this machine only. */
    public static final String DEFAULT_HOST = "localhost";
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
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (operationWorkers < 1 || operationWorkers > 64) {
            throw new IllegalArgumentException("operationWorkers must be 1..64, got " + operationWorkers);
        }
    }

    /** The defaults for a data folder and port. */
    public static ServerConfig of(Path dataDir, int port) {
        return new ServerConfig(dataDir, port, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_SESSION_TTL, DEFAULT_MAX_UPLOAD_BYTES, Optional.empty(),
                DEFAULT_HOST, OperationRunner.DEFAULT_WORKERS);
    }

    public ServerConfig withMaxRequestBytes(long bytes) {
        return new ServerConfig(dataDir, port, bytes, sessionTtl, maxUploadBytes, importRoot, host, operationWorkers);
    }

    public ServerConfig withSessionTtl(Duration ttl) {
        return new ServerConfig(dataDir, port, maxRequestBytes, ttl, maxUploadBytes, importRoot, host, operationWorkers);
    }

    /** The largest multipart image upload, in bytes. */
    public ServerConfig withMaxUploadBytes(long bytes) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, bytes, importRoot, host, operationWorkers);
    }

    /** Allows server-side imports of folders and zips under {@code root}. */
    public ServerConfig withImportRoot(Path root) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, maxUploadBytes, Optional.of(root), host, operationWorkers);
    }

    /** Listens on {@code bindHost} only ({@code localhost} by default; {@code 0.0.0.0} for every interface). */
    public ServerConfig withHost(String bindHost) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, maxUploadBytes, importRoot, bindHost, operationWorkers);
    }

    /** How many operations (exports, asynchronous imports) run at the same time; more wait in a queue. */
    public ServerConfig withOperationWorkers(int workers) {
        return new ServerConfig(dataDir, port, maxRequestBytes, sessionTtl, maxUploadBytes, importRoot, host, workers);
    }
}
