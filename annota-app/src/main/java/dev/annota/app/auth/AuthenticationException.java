package dev.annota.app.auth;

import dev.annota.core.error.AnnotaException;

/** The caller is not signed in, or the credentials are wrong (an HTTP API answers 401). */
public class AuthenticationException extends AnnotaException {
    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
