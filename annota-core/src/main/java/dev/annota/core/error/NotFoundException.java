package dev.annota.core.error;

/** Something the request names does not exist (an HTTP API answers 404). */
public class NotFoundException extends AnnotaException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
