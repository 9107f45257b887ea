package dev.annota.formats;

import java.util.Optional;

/**
 * One dataset format: its name and version, a detector, and the reader and writer it has (a format may be
 * import-only, like COCO results files). Each format lives in its own package with these four parts.
 */
public interface DatasetFormat {
    /** The short name used on the command line, e.g. {@code coco}. */
    String name();

    /** The version of the format this implementation follows, e.g. {@code 1.0}. */
    String version();

    /** One line for {@code annota formats}. */
    String description();

    FormatDetector detector();

    Optional<DatasetReader> reader();

    Optional<DatasetWriter> writer();
}
