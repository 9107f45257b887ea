package dev.annota.infer.descriptor;

/** How an image is brought to the model's input size. */
public enum ResizeMode {
    /** Scale each side independently to the input size (aspect ratio not kept). */
    STRETCH,
    /** Scale to fit inside the input keeping the aspect ratio; fill the rest with a pad value. */
    LETTERBOX,
    /** Scale so the shorter side has a given length, then cut the input size out of the centre. */
    CENTER_CROP
}
