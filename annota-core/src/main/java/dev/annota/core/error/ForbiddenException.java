package dev.annota.core.error;

/** The caller may not do what it asked (HTTP 403). */
public class ForbiddenException extends AnnotaException {
    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
