package dev.annota.infer.descriptor;

/** Element type of the image input tensor. */
public enum TensorType {
    FP32,
    /** Half precision: the preprocessed floats are converted just before the run. */
    FP16
}
