package dev.annota.formats;

/** A format a detector found, with its confidence. */
public record Detection(DatasetFormat format, double confidence) {
    public Detection {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
        }
    }
}
