package dev.annota.train;

import java.util.Locale;

/** {@code head}: a head on a frozen ONNX backbone's features; {@code cnn}: a small CNN trained end to end. */
public enum TrainMode {
    HEAD, CNN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
