package dev.annota.infer.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.ImageTooLargeException;
import dev.annota.infer.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /v1/predict} request, read and checked: the uploaded images (still encoded) and the
 * postprocessing its query asks for ({@code top}, {@code threshold}; {@code name} names a single uploaded
 * image in the answer). Every mistake is a {@link Problem}.
 */
record PredictRequest(List<Upload> uploads, Postprocess postprocess) {
    private static final Set<String> PARAMS = Set.of("top", "threshold", "name");

    /** One uploaded image: the name it has in the answer and its encoded bytes. */
    record Upload(String name, byte[] bytes) {
    }

    static PredictRequest read(HttpExchange ex, long maxBytes, long drainBytes, Postprocess defaults) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        Postprocess post = overrides(query, defaults);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean single = media.equals("application/octet-stream") || media.startsWith("image/");
        boolean multipart = media.equals("multipart/form-data");
        if (!single && !multipart) {
            ModelServer.drain(ex.getRequestBody(), drainBytes);
            throw Problem.unsupportedMediaType((contentType == null ? "no Content-Type" : "Content-Type " + contentType)
                    + ": send one image as application/octet-stream or image/*, or several as multipart/form-data");
        }
        byte[] body = body(ex, maxBytes, drainBytes);
        if (body.length == 0) {
            throw Problem.badRequest("empty-body", "the request body is empty: expected an image");
        }
        List<Upload> uploads = new ArrayList<>();
        if (single) {
            uploads.add(new Upload(query.getOrDefault("name", "image"), body));
        } else {
            if (query.containsKey("name")) {
                throw Problem.badRequest("bad-parameter", "query parameter 'name' names a single image; multipart parts carry their own file names");
            }
            for (Multipart.Part p : Multipart.parse(body, Multipart.boundary(contentType))) {
                String type = p.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!type.equals("application/octet-stream") && !type.startsWith("image/")) {
                    throw Problem.unsupportedMediaType("part '" + p.name() + "' has Content-Type " + p.contentType()
                            + ": expected an image (image/* or application/octet-stream)");
                }
                if (p.data().length == 0) {
                    throw Problem.badRequest("empty-body", "part '" + p.name() + "' is empty: expected an image");
                }
                uploads.add(new Upload(p.filename().filter(f -> !f.isEmpty()).orElse(p.name()), p.data()));
            }
            if (uploads.isEmpty()) {
                throw Problem.badRequest("no-images", "the multipart body has no parts: expected one image per part");
            }
        }
        return new PredictRequest(uploads, post);
    }

    /** Decodes one upload within what is left of the request's pixel budget. */
    static RgbImage decode(Upload u, long pixelBudget, long maxPixels) {
        try {
            return ImageDecoder.decode(u.bytes(), u.name(), pixelBudget);
        } catch (ImageTooLargeException e) {
            String detail = pixelBudget < maxPixels
                    ? e.getMessage() + " left of the request's " + maxPixels + " (the limit counts every image of a request)"
                    : e.getMessage();
            throw Problem.tooLarge("too-many-pixels", detail);
        } catch (AnnotaException | IOException e) {
            throw Problem.badRequest("not-an-image", e.getMessage());
        }
    }

    private static byte[] body(HttpExchange ex, long maxBytes, long drainBytes) throws IOException {
        InputStream in = ex.getRequestBody();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw Problem.badRequest("bad-content-length", "Content-Length '" + length + "' is not a number");
            }
            if (declared > maxBytes) {
                ModelServer.drain(in, drainBytes);
                throw tooLarge(maxBytes);
            }
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] body = in.readNBytes(cap + 1);
        if (body.length > cap) {
            ModelServer.drain(in, drainBytes);
            throw tooLarge(maxBytes);
        }
        return body;
    }

    private static Problem tooLarge(long maxBytes) {
        return Problem.tooLarge("body-too-large", "the request body is larger than the limit of " + maxBytes + " bytes");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k;
            String v;
            try {
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("bad-parameter", "query '" + pair + "' is not URL-encoded properly");
            }
            if (!PARAMS.contains(k)) {
                throw Problem.badRequest("bad-parameter", "unknown query parameter '" + k + "' (expected top, threshold or name)");
            }
            q.put(k, v);
        }
        return q;
    }

    private static Postprocess overrides(Map<String, String> q, Postprocess p) {
        if (q.containsKey("top")) {
            String v = q.get("top");
            int k;
            try {
                k = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                k = 0;
            }
            if (k < 1 || k > 10_000) {
                throw Problem.badRequest("bad-parameter", "query parameter 'top': expected a whole number from 1 to 10000, got '" + v + "'");
            }
            p = p.withTopK(k);
        }
        if (q.containsKey("threshold")) {
            String v = q.get("threshold");
            double t;
            try {
                t = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                t = Double.NaN;
            }
            if (!(t >= 0 && t <= 1)) {
                throw Problem.badRequest("bad-parameter", "query parameter 'threshold': expected a score from 0 to 1, got '" + v + "'");
            }
            p = p.withScoreThreshold(t);
        }
        return p;
    }
}
