package dev.annota.infer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process-wide ONNX Runtime environment. ONNX Runtime unpacks its native library into
 * {@code java.io.tmpdir} on first use, so that folder is created here when missing (a clear error when it
 * cannot be); nothing is downloaded. Logging is at ERROR (some models log a warning per weight otherwise).
 */
public final class OnnxRuntime {
    private OnnxRuntime() {
    }

    public static synchronized OrtEnvironment environment() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(tmp)) {
            try {
                Files.createDirectories(tmp);
            } catch (IOException e) {
                throw new AnnotaException("java.io.tmpdir " + tmp + " does not exist and cannot be created; ONNX Runtime "
                        + "unpacks its native library there (set -Djava.io.tmpdir to a writable folder)", e);
            }
        }
        try {
            return NativeThreads.call(() -> OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "annota"));
        } catch (OrtException e) {
            throw new AnnotaException("ONNX Runtime could not start (" + e.getMessage() + ")", e);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new AnnotaException("ONNX Runtime's native library could not be loaded (" + e + ")", e);
        }
    }
}
