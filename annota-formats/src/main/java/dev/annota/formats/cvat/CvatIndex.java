package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first, cheap pass over one CVAT file: its {@code <meta>} wherever it is (CVAT writes it first; a file
 * may lack it or put it last), the label of every shape (a file may use labels it never declares, which the
 * schema must hold before any item is streamed), the points under each skeleton, and the number of images.
 * No annotation is built; memory grows with the number of labels, not of shapes.
 */
final class CvatIndex {
    /** The direct children of {@code <image>} that are annotations. */
    static final Set<String> SHAPES = Set.of("box", "polygon", "polyline", "points", "ellipse", "cuboid", "mask",
            "tag", "skeleton");

    /** Where a label is used: the element, the image and the line (the first {@value CappedWarnings#CAP} uses). */
    record Use(String element, String image, String location) {
    }

    /** The uses of one label name. */
    static final class Uses {
        final List<Use> first = new ArrayList<>();
        long count;
    }

    final Path file;
    final String fileName;
    Optional<CvatMeta> meta = Optional.empty();
    final Map<String, Uses> labels = new LinkedHashMap<>();
    final Map<String, LinkedHashSet<String>> skeletonPoints = new LinkedHashMap<>();
    long images;
    long tracks;
    boolean broken;

    private CvatIndex(Path file) {
        this.file = file;
        this.fileName = file.getFileName().toString();
    }

    static CvatIndex scan(Path file, ImportReport report) throws IOException {
        CvatIndex index = new CvatIndex(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = null;
            try {
                r = CvatXml.inputFactory().createXMLStreamReader(in);
                index.scan(r, report);
            } catch (XMLStreamException e) {
                index.broken = true;
                report.error(CvatReader.xmlError(index.fileName, e));
            } finally {
                if (r != null) {
                    try {
                        r.close();
                    } catch (XMLStreamException ignored) {
                        // closing the StAX reader releases nothing that the stream's close does not
                    }
                }
            }
        }
        if (index.tracks > 0) {
            report.warn(new FieldError(index.fileName, "track", index.tracks + " tracks",
                    "expected images (CVAT for images); tracks are CVAT for video and were not read"));
        }
        return index;
    }

    private void scan(XMLStreamReader r, ImportReport report) throws XMLStreamException {
        if (!CvatReader.toRoot(r, fileName, report)) {
            broken = true;
            return;
        }
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return; // </annotations>
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "meta" -> {
                    XmlElement m = XmlElement.read(r, fileName);
                    if (meta.isEmpty()) {
                        meta = Optional.of(CvatMeta.parse(m));
                    }
                }
                case "image" -> {
                    images++;
                    scanImage(r);
                }
                case "track" -> {
                    tracks++;
                    CvatXml.skipElement(r);
                }
                default -> CvatXml.skipElement(r);
            }
        }
    }

    private void scanImage(XMLStreamReader r) throws XMLStreamException {
        String image = String.valueOf(r.getAttributeValue(null, "name"));
        int depth = 0;
        String skeleton = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = r.getLocalName();
                String label = r.getAttributeValue(null, "label");
                if (depth == 1) {
                    skeleton = null;
                    if (SHAPES.contains(element)) {
                        use(label == null ? "" : label, element, image, r);
                        if (element.equals("skeleton")) {
                            skeleton = label == null ? "" : label;
                        }
                    }
                } else if (depth == 2 && skeleton != null && element.equals("points") && label != null) {
                    skeletonPoints.computeIfAbsent(skeleton, k -> new LinkedHashSet<>()).add(label);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
        }
    }

    private void use(String label, String element, String image, XMLStreamReader r) {
        Uses u = labels.computeIfAbsent(label, k -> new Uses());
        u.count++;
        if (u.first.size() < CappedWarnings.CAP) {
            u.first.add(new Use(element, image, CvatXml.where(fileName, r)));
        }
    }
}
