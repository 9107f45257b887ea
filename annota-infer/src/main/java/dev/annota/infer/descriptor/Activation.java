package dev.annota.infer.descriptor;

/** What turns a classifier's raw outputs into scores. */
public enum Activation {
    /** The outputs are already probabilities. */
    NONE,
    /** Logits of exclusive classes (single-label). */
    SOFTMAX,
    /** Independent logits (multi-label). */
    SIGMOID
}
