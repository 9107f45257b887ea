package dev.annota.infer.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal {@code multipart/form-data} reader (RFC 7578) for request bodies already in memory. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*(name|filename)=\"([^\"]*)\"");

    private Multipart() {
    }

    /** One part: its form field name, the file name when it has one, its content type, its bytes. */
    record Part(String name, Optional<String> filename, String contentType, byte[] data) {
    }

    /** The boundary named in a {@code multipart/form-data} content type. */
    static String boundary(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw Problem.badRequest("malformed-multipart", "Content-Type multipart/form-data has no boundary parameter");
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed("the body does not contain the boundary");
        }
        at += delimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, "--")) {
                return parts;
            }
            if (!startsWith(body, at, "\r\n")) {
                throw malformed("expected a line break after the boundary at byte " + at);
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at + 2);
            if (headersEnd < 0) {
                throw malformed("part " + (parts.size() + 1) + " has no blank line after its headers");
            }
            String headers = new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8);
            int dataStart = headersEnd + 4;
            int end = indexOf(body, next, dataStart);
            if (end < 0) {
                throw malformed("part " + (parts.size() + 1) + " is not closed by the boundary");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, dataStart, end), parts.size() + 1));
            at = end + next.length;
        }
    }

    private static Part part(String headers, byte[] data, int index) {
        String name = "part" + index;
        Optional<String> filename = Optional.empty();
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw malformed("part " + index + " has a header line without a colon: " + line);
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("content-disposition")) {
                Matcher m = PARAM.matcher(value);
                while (m.find()) {
                    if (m.group(1).equalsIgnoreCase("name")) {
                        name = m.group(2);
                    } else {
                        filename = Optional.of(m.group(2));
                    }
                }
            } else if (key.equals("content-type")) {
                type = value;
            }
        }
        return new Part(name, filename, type, data);
    }

    private static Problem malformed(String detail) {
        return Problem.badRequest("malformed-multipart", "multipart body: " + detail);
    }

    private static boolean startsWith(byte[] body, int at, String s) {
        if (at + s.length() > body.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (body[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from), last = hay.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
