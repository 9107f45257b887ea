package dev.annota.spark;

import java.util.Locale;

/** What a Spark job computes for every image of the manifest. */
public enum JobKind {
    /** The model's classes (top-k) or detections, as suggestions to import. */
    PRELABEL,
    /** A feature vector per image (an embedding model, or a classifier preset with a feature tap). */
    EMBED,
    /** Classification against the manifest's {@code label} column: accuracy overall and per class. */
    EVAL;

    /** The name used on the command line and in outputs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
