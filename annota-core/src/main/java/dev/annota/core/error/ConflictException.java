package dev.annota.core.error;

/** The request clashes with the current state, for example a name already taken (an HTTP API answers 409). */
public class ConflictException extends AnnotaException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
