package dev.annota.server;

import java.util.Locale;

/** The HTTP methods the API uses. */
public enum Method {
    GET, POST, PUT, PATCH, DELETE;

    String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
