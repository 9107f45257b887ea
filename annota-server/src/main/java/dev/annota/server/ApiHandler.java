package dev.annota.server;

import java.io.IOException;

/** Handles one route: parse the {@link Call}, call one use case, respond. */
@FunctionalInterface
public interface ApiHandler {
    void handle(Call call) throws IOException;
}
