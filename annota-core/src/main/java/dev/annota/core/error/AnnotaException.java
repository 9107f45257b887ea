package dev.annota.core.error;

/** Root of Annota's unchecked domain errors. I/O boundaries throw {@link java.io.IOException} instead. */
public class AnnotaException extends RuntimeException {
    public AnnotaException(String message) {
        super(message);
    }

    public AnnotaException(String message, Throwable cause) {
        super(message, cause);
    }
}
