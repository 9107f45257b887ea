package dev.annota.core.error;

/** A request clashes with the current state of what it acts on (HTTP 409). */
public class ConflictException extends AnnotaException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
