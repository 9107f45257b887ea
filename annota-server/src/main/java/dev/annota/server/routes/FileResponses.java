package dev.annota.server.routes;

import dev.annota.server.HttpProblem;
import dev.annota.store.images.StoredFile;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a stored file, which never changes: a strong ETag, {@code Cache-Control: private, max-age=31536000,
 * immutable} (private: reading needs a signed-in member), {@code Last-Modified}, 304 for a matching
 * {@code If-None-Match} (or, without it, an {@code If-Modified-Since} not before the file), and byte ranges:
 * one range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) is a 206 with {@code Content-Range}; a
 * range that starts past the end is a 416 problem with {@code Content-Range: bytes *}{@code /size}; a
 * malformed Range header is a 400 problem; several ranges, or an {@code If-Range} that does not match, get
 * the whole file (HTTP allows a server to ignore a Range).
 */
final class FileResponses {
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private FileResponses() {
    }

    static void send(Context ctx, StoredFile file, String etag, Instant lastModified) throws IOException {
        String tag = "\"" + etag + "\"";
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        ctx.header("ETag", tag).header("Cache-Control", CACHE_CONTROL).header("Accept-Ranges", "bytes")
                .header("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        if (notModified(ctx, tag, modified)) {
            ctx.status(304);
            return;
        }
        long size = file.size();
        long from = 0;
        long to = size - 1;
        String range = ctx.header("Range");
        if (range != null && ifRangeMatches(ctx, tag) && !range.contains(",")) {
            long[] r = range(range.strip(), size, ctx);
            from = r[0];
            to = r[1];
            ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        } else {
            ctx.status(200);
        }
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(file.mimeType());
        ctx.res().setContentLengthLong(to - from + 1);
        copy(file, from, to - from + 1, ctx.res().getOutputStream());
    }

    private static boolean notModified(Context ctx, String tag, Instant modified) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            for (String t : inm.split(",")) {
                String s = t.strip();
                if (s.equals("*") || s.equals(tag) || s.equals("W/" + tag)) {
                    return true;
                }
            }
            return false;
        }
        String ims = ctx.header("If-Modified-Since");
        if (ims != null) {
            try {
                return !modified.isAfter(ZonedDateTime.parse(ims.strip(), HTTP_DATE).toInstant());
            } catch (DateTimeParseException e) {
                return false; // an unreadable date is ignored, as HTTP says
            }
        }
        return false;
    }

    private static boolean ifRangeMatches(Context ctx, String tag) {
        String ifRange = ctx.header("If-Range");
        return ifRange == null || ifRange.strip().equals(tag);
    }

    /** {from, to} (inclusive) of a single range, or a 400/416 problem. */
    private static long[] range(String header, long size, Context ctx) {
        Matcher m = RANGE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw HttpProblem.badRequest("malformed-range", "malformed Range header '" + header
                    + "'; expected bytes=FIRST-LAST, bytes=FIRST- or bytes=-SUFFIX_LENGTH");
        }
        long from;
        long to;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(header, size, ctx);
            }
            from = Math.max(0, size - suffix);
            to = size - 1;
        } else {
            from = Long.parseLong(m.group(1));
            to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < from) {
                throw HttpProblem.badRequest("malformed-range", "malformed Range header '" + header
                        + "': the last byte position is before the first");
            }
            if (from >= size) {
                throw unsatisfiable(header, size, ctx);
            }
        }
        return new long[] {from, to};
    }

    private static HttpProblem unsatisfiable(String header, long size, Context ctx) {
        ctx.header("Content-Range", "bytes */" + size);
        return new HttpProblem(416, "range-not-satisfiable", "Range not satisfiable", "the range '" + header
                + "' does not overlap the file, which has " + size + " bytes (valid byte positions: 0 to " + (size - 1) + ")");
    }

    private static void copy(StoredFile file, long from, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = from;
            long left = length;
            while (left > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("the stored file " + file.path() + " ended early");
                }
                out.write(buf.array(), 0, n);
                pos += n;
                left -= n;
            }
            out.flush();
        }
    }
}
