package dev.annota.core.error;

/** The caller is known but not allowed to do this (an HTTP API answers 403). */
public class ForbiddenException extends AnnotaException {
    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
