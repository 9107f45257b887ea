package dev.annota.formats.labelstudio;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The labelling configuration Label Studio projects use ({@code label_config.xml} beside the export, optional):
 * the reader takes the declared class names from it, so that classes nobody used yet are kept. Read: the
 * {@code Label} values of every {@code *Labels} control, and the {@code Choice} values of {@code Choices}
 * controls that are not per region (those are image-level tags; per-region choices are attributes).
 */
final class LabelConfig {
    static final String FILE = "label_config.xml";

    private LabelConfig() {
    }

    static List<String> classNames(Path file, ImportReport report) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(file.toFile());
            List<String> names = new ArrayList<>();
            collect(doc.getDocumentElement(), names);
            return names;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            report.warn(new FieldError(FILE, "(xml)", null,
                    "expected a readable labelling configuration (" + e.getMessage() + "); classes come from the export only"));
            return List.of();
        }
    }

    private static void collect(Element e, List<String> names) {
        String tag = e.getTagName();
        boolean labels = tag.endsWith("Labels");
        boolean tags = tag.equals("Choices") && !"true".equalsIgnoreCase(e.getAttribute("perRegion"));
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element c) {
                String v = c.getAttribute("value");
                if (((labels && c.getTagName().equals("Label")) || (tags && c.getTagName().equals("Choice")))
                        && !v.isBlank() && !names.contains(v)) {
                    names.add(v);
                }
                collect(c, names);
            }
        }
    }
}
