package dev.annota.infer.onnx;

import dev.annota.core.error.AnnotaException;

/** Bytes that are not the ONNX model they should be, or an edit that does not fit the model's graph. */
public final class OnnxFormatException extends AnnotaException {
    public OnnxFormatException(String message) {
        super(message);
    }
}
