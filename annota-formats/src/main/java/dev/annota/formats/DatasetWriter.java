package dev.annota.formats;

import dev.annota.core.item.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a dataset into a folder, streaming its items. What the format cannot hold (an annotation kind or an
 * attribute) is listed in the report as a warning, never dropped silently.
 */
public interface DatasetWriter {
    void write(Dataset dataset, Path folder, ImportReport report) throws IOException;
}
