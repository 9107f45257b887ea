package dev.annota.app;

import dev.annota.core.error.AnnotaException;

/**
 * Thrown from a {@link Progress} when the use case it reports on was asked to stop (a user cancelled the
 * operation, or the server is shutting down). The use case lets it pass after removing what it wrote.
 */
public class CancelledException extends AnnotaException {
    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
