package dev.annota.formats;

import dev.annota.core.item.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a dataset from a file or folder. Problems go to the report, following its {@link ErrorPolicy}. */
public interface DatasetReader {
    Dataset read(Path path, ImportReport report) throws IOException;
}
