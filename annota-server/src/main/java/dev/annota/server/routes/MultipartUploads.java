package dev.annota.server.routes;

import dev.annota.app.images.Upload;
import dev.annota.server.HttpProblem;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the files of a {@code multipart/form-data} upload with a limit of its own, larger than the server's
 * JSON request limit: parts are streamed to a folder on disk (only parts under 64 KiB stay in memory), the
 * whole request may be at most {@code maxRequestBytes} and each file at most {@code maxFileBytes}; Jetty
 * deletes the part files when the request completes. Then Javalin's {@link Context#uploadedFiles()} gives them.
 * Errors: not multipart (415), over a limit (413), a broken body (400).
 */
final class MultipartUploads {
    /** The servlet request attribute Jetty reads its multipart configuration from (Javalin sets it only when absent). */
    private static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final int IN_MEMORY_BYTES = 64 * 1024;

    private final Path spoolDir;
    private final long maxRequestBytes;
    private final long maxFileBytes;

    MultipartUploads(Path spoolDir, long maxRequestBytes, long maxFileBytes) {
        this.spoolDir = spoolDir;
        this.maxRequestBytes = maxRequestBytes;
        this.maxFileBytes = maxFileBytes;
    }

    /** What a multipart upload held: its files and the optional {@code split} field. */
    record Received(List<Upload> files, Optional<String> split) {
    }

    Received read(Context ctx) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("multipart/form-data")) {
            throw HttpProblem.unsupportedMediaType("expected Content-Type: multipart/form-data with one part per file, got "
                    + (type == null || type.isBlank() ? "no Content-Type" : "'" + type + "'"));
        }
        if (ctx.req().getContentLengthLong() > maxRequestBytes) {
            throw tooLarge("the upload is larger than the limit of " + maxRequestBytes + " bytes");
        }
        try {
            Files.createDirectories(spoolDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload folder " + spoolDir, e);
        }
        ctx.req().setAttribute(CONFIG_ATTRIBUTE, new MultipartConfigElement(spoolDir.toString(), maxFileBytes, maxRequestBytes,
                IN_MEMORY_BYTES));
        try {
            ctx.req().getParts();
        } catch (IllegalStateException e) {
            String m = String.valueOf(e.getMessage());
            throw tooLarge(m.contains("maxRequestSize") ? "the upload is larger than the limit of " + maxRequestBytes + " bytes"
                    : "a file of the upload is larger than the limit of " + maxFileBytes + " bytes (" + m + ")");
        } catch (ServletException | IOException e) {
            throw HttpProblem.badRequest("malformed-multipart", "the multipart body could not be read: " + e.getMessage());
        }
        List<UploadedFile> files = ctx.uploadedFiles();
        List<Upload> uploads = files.stream().map(f -> new Upload(f.filename(), f.content())).toList();
        return new Received(uploads, Optional.ofNullable(ctx.formParam("split")));
    }

    private static HttpProblem tooLarge(String detail) {
        return new HttpProblem(413, "too-large", "Request too large", detail);
    }
}
