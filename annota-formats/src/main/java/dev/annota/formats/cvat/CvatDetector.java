package dev.annota.formats.cvat;

import dev.annota.formats.FormatDetector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Recognises a CVAT for images file by its first elements only: the root {@code <annotations>} (Pascal VOC's
 * is {@code <annotation>}) and a first child {@code <version>}, {@code <meta>} or {@code <image>}. A folder is
 * CVAT when it holds {@code annotations.xml} or top-level {@code <subset>.xml} files that are.
 */
final class CvatDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path main = path.resolve(CvatFormat.ANNOTATIONS_FILE);
            if (Files.isRegularFile(main)) {
                return fileConfidence(main) * 0.95;
            }
            double best = 0;
            try (Stream<Path> s = Files.list(path)) {
                for (Path p : s.filter(Files::isRegularFile).filter(CvatDetector::isXml).sorted().limit(20).toList()) {
                    best = Math.max(best, fileConfidence(p));
                }
            }
            return best * 0.9;
        }
        return isXml(path) ? fileConfidence(path) : 0;
    }

    private static boolean isXml(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** 1 for {@code <annotations><version>1.1}, less for other versions or a first child of meta or image, 0 otherwise. */
    static double fileConfidence(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader r = CvatXml.inputFactory().createXMLStreamReader(in);
            try {
                if (!nextStart(r) || !r.getLocalName().equals("annotations")) {
                    return 0;
                }
                if (!nextStart(r)) {
                    return 0.5; // an empty <annotations/>
                }
                return switch (r.getLocalName()) {
                    case "version" -> r.getElementText().strip().equals("1.1") ? 1.0 : 0.9;
                    case "meta", "image" -> 0.9;
                    case "track" -> 0.7;
                    default -> 0;
                };
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return 0; // not XML we can read: certainly not a CVAT file
        }
    }

    private static boolean nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }
}
