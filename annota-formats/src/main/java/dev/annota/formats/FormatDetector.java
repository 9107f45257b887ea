package dev.annota.formats;

import java.io.IOException;
import java.nio.file.Path;

/** Says how sure it is that a file or folder holds its format. */
public interface FormatDetector {
    /**
     * A confidence in [0, 1]: 0 when the path is certainly not this format, 1 when it certainly is (for
     * example a COCO JSON with images, annotations and categories). Reads as little as it can.
     */
    double confidence(Path path) throws IOException;
}
