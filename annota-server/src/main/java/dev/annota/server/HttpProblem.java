package dev.annota.server;

/**
 * An HTTP-level problem with the request itself (not a domain error): wrong content type, body too large,
 * malformed JSON, missing credentials. The {@link ErrorMapper} renders it as problem JSON like every other error.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;

    public HttpProblem(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static HttpProblem badRequest(String kind, String detail) {
        return new HttpProblem(400, kind, "Bad request", detail);
    }

    public static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "too-large", "Request too large",
                "the request body is larger than the limit of " + limit + " bytes");
    }

    public static HttpProblem unauthenticated(String detail) {
        return new HttpProblem(401, "unauthenticated", "Not signed in", detail);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type {@code /problems/<kind>}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
