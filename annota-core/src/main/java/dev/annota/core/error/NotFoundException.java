package dev.annota.core.error;

/** Something named in a request does not exist (HTTP 404). */
public class NotFoundException extends AnnotaException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
