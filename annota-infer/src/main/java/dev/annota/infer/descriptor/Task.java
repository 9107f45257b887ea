package dev.annota.infer.descriptor;

import java.util.Locale;

/** What a model predicts, as named in a descriptor's {@code task} field. */
public enum Task {
    /** One class per image: scores over exclusive classes. */
    CLASSIFICATION,
    /** Any number of tags per image: an independent score per class. */
    MULTI_LABEL,
    /** Labelled boxes. */
    DETECTION,
    /** Labelled masks (a foreground mask for class-agnostic models). */
    SEGMENTATION,
    /** One feature vector per image (similarity search, active learning). */
    EMBEDDING;

    /** The descriptor spelling: {@code multi_label}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
