package dev.annota.formats.csv;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * Image labels in a CSV file (RFC 4180): {@code image,label} for single-label and {@code image,"a;b"} for
 * multi-label classification, with an optional header row naming the columns and optional {@code split}
 * and {@code confidence} columns (see {@link CsvColumns}). Image paths are relative to the CSV's folder.
 */
public final class CsvFormat implements DatasetFormat {
    public static final String NAME = "csv";
    /** The file the writer writes. */
    static final String FILE = "labels.csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "CSV image labels: image,label or image,\"a;b\" (multi-label), optional split and confidence columns";
    }

    @Override
    public FormatDetector detector() {
        return new CsvDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CsvReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new CsvWriter());
    }
}
