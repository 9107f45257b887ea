package dev.annota.infer.descriptor;

/** Channel order the model expects. */
public enum ColorOrder {
    RGB,
    /** OpenCV and Caffe models. */
    BGR
}
