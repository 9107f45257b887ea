package dev.annota.infer.descriptor;

/** Axis order of an image input tensor. */
public enum Layout {
    /** batch, channel, height, width (PyTorch, Caffe). */
    NCHW,
    /** batch, height, width, channel (TensorFlow). */
    NHWC
}
