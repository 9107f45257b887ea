package dev.annota.infer.serve;

/**
 * A request the server refuses, rendered as problem JSON {@code {"type", "title", "status", "detail"}} with
 * {@code type = /problems/<kind>}. Every refusal goes through this one type, so a client's mistake is a 4xx
 * with a reason and never a 500.
 */
final class Problem extends RuntimeException {
    final int status;
    final String kind;
    final String title;

    Problem(int status, String kind, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    static Problem badRequest(String kind, String detail) {
        return new Problem(400, kind, "Bad request", detail);
    }

    static Problem notFound(String path) {
        return new Problem(404, "not-found", "Not found", "no endpoint at " + path
                + " (endpoints: POST /v1/predict, GET /health, GET /ready, GET /metrics)");
    }

    static Problem methodNotAllowed(String method, String path, String allowed) {
        return new Problem(405, "method-not-allowed", "Method not allowed", method + " " + path + ": expected " + allowed);
    }

    static Problem unsupportedMediaType(String detail) {
        return new Problem(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    static Problem tooLarge(String kind, String detail) {
        return new Problem(413, kind, "Request too large", detail);
    }

    static Problem unavailable(String kind, String detail) {
        return new Problem(503, kind, "Service unavailable", detail);
    }
}
