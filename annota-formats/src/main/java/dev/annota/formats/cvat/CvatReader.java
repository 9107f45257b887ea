package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CVAT for images 1.1 files in two passes. {@link #read} makes the first: {@link CvatIndex} reads each
 * file's {@code <meta>} and the labels its shapes use, and the schema is built. Each call to
 * {@link Dataset#items()} then streams the images one at a time from an open {@link XMLStreamReader}
 * (closed with the stream), so memory holds one {@code <image>}, never the file.
 *
 * <p>Problems found while streaming (a bad number, a missing image file) go to the report as the items go by;
 * after one complete pass they are not reported again by later passes (under fail-fast they still throw).
 */
final class CvatReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        List<Path> files = Files.isDirectory(path) ? annotationFiles(path) : List.of(path);
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), CvatFormat.ANNOTATIONS_FILE, null,
                    "expected a CVAT XML file (annotations.xml, or <subset>.xml files) in the folder"));
        }
        Path root = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        List<CvatIndex> indexes = new ArrayList<>();
        for (Path f : files) {
            indexes.add(CvatIndex.scan(f, report));
        }
        LabelSchema schema = CvatSchema.build(indexes, report);
        return new CvatDataset(root, schema, indexes, report);
    }

    /** {@code annotations.xml} when the folder has one, else every XML file in it whose root is {@code <annotations>}. */
    static List<Path> annotationFiles(Path folder) throws IOException {
        Path main = folder.resolve(CvatFormat.ANNOTATIONS_FILE);
        if (Files.isRegularFile(main)) {
            return List.of(main);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")
                        && CvatDetector.fileConfidence(p) > 0) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The subset of images without a {@code subset} attribute: the task's, else the file's name (Datumaro), else default. */
    static String defaultSubset(CvatIndex index) {
        if (index.meta.isPresent() && index.meta.get().subset().isPresent()) {
            return index.meta.get().subset().get();
        }
        String stem = index.fileName.replaceFirst("(?i)\\.xml$", "");
        return stem.equalsIgnoreCase("annotations") || stem.isBlank() ? Item.DEFAULT_SUBSET : stem;
    }

    /** Moves to the root element; reports and returns false when it is not {@code <annotations>}. */
    static boolean toRoot(XMLStreamReader r, String file, ImportReport report) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("annotations")) {
                    return true;
                }
                report.error(new FieldError(CvatXml.where(file, r), "(root)", "<" + r.getLocalName() + ">",
                        "expected <annotations> as the root element of a CVAT for images file"));
                return false;
            }
        }
        report.error(new FieldError(file, "(root)", null, "expected <annotations> as the root element of a CVAT for images file"));
        return false;
    }

    /** A syntax error, located: {@code file.xml:12:5: field '(xml)': expected well-formed XML (...)}. */
    static FieldError xmlError(String file, XMLStreamException e) {
        var loc = e.getLocation();
        String message = String.valueOf(e.getMessage());
        int m = message.indexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + "Message: ".length());
        }
        String where = loc == null ? file : file + ":" + loc.getLineNumber() + ":" + loc.getColumnNumber();
        return new FieldError(where, "(xml)", null, "expected well-formed XML without DTDs or entities (" + message.strip() + ")");
    }
}
