package dev.annota.app.datasets;

import dev.annota.core.error.AnnotaException;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.FormatRegistry;
import java.io.IOException;
import java.nio.file.Path;

/** Picks the format of a dataset path: the one named, or the one detection finds. */
final class DatasetOpener {
    private DatasetOpener() {
    }

    /** {@code name} may be empty or {@code auto} for detection. */
    static DatasetFormat format(FormatRegistry formats, Path root, String name) throws IOException {
        DatasetFormat f = name == null || name.isBlank() || name.equalsIgnoreCase("auto")
                ? formats.detect(root).format()
                : formats.get(name);
        if (f.reader().isEmpty()) {
            throw new AnnotaException("the format \"" + f.name() + "\" can be written but not read");
        }
        return f;
    }
}
