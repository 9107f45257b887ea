package dev.annota.formats.csv;

import dev.annota.core.error.ValidationException;
import dev.annota.formats.FormatDetector;
import dev.annota.formats.imagenet.ImageFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a label CSV by its first rows (at most 64 KiB are read): a {@code .csv} file whose first data
 * rows have at least two fields and an image path in the image column (0.9); a folder holding exactly one
 * such file (0.85). A CSV whose rows are not image,label is not this format.
 */
final class CsvDetector implements FormatDetector {
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_ROWS = 5;

    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Optional<Path> csv = CsvReader.csvFile(path);
            return csv.isPresent() ? fileConfidence(csv.get()) * 0.95 : 0;
        }
        if (!Files.isRegularFile(path) || !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return 0;
        }
        return fileConfidence(path);
    }

    static double fileConfidence(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = new StringReader(new String(head, StandardCharsets.UTF_8)); CsvParser p = new CsvParser(r, "")) {
            for (var row = p.next(); row.isPresent() && rows.size() < SAMPLE_ROWS; row = p.next()) {
                if (!row.get().isBlank()) {
                    rows.add(row.get().cells());
                }
            }
        } catch (ValidationException e) {
            if (rows.size() < 2) {
                return 0; // not CSV we can read (or a truncated sample ending inside quotes, with too little before it)
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        boolean header = CsvColumns.isHeader(rows.get(0), rows.size() > 1 ? Optional.of(rows.get(1)) : Optional.empty());
        CsvColumns columns = header ? CsvColumns.fromHeader(rows.get(0)) : CsvColumns.PLAIN;
        List<List<String>> data = header ? rows.subList(1, rows.size()) : rows;
        if (data.isEmpty()) {
            return header ? 0.6 : 0;
        }
        for (List<String> row : data) {
            if (row.size() < columns.required() || !ImageFiles.hasImageExtension(row.get(columns.image()).strip())) {
                return 0;
            }
        }
        return 0.9;
    }
}
