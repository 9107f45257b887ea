package dev.annota.formats.voc;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree of one VOC annotation file, each element with its line and its path
 * ({@code /annotation/object[0]/bndbox}), so that errors can say where they are. Parsed with StAX with DTDs
 * and external entities switched off (a dataset file cannot make Annota read other files).
 */
record XmlNode(String name, String text, int line, String path, List<XmlNode> children) {
    /** Elements that repeat, always shown with their index ({@code object[0]}). */
    private static final java.util.Set<String> INDEXED = java.util.Set.of("object", "part", "attribute");
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    XmlNode {
        children = List.copyOf(children);
    }

    /** Parses {@code file}; a malformed file is a {@link ValidationException} naming {@code shown} and the line. */
    static XmlNode parse(Path file, String shown) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog
                }
                if (!r.isStartElement()) {
                    throw new ValidationException(new FieldError(shown, "(root)", null, "expected an XML element"));
                }
                return element(r, "/" + r.getLocalName());
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ValidationException(new FieldError(shown + (line > 0 ? ":" + line : ""), "(xml)", null,
                    "expected well-formed XML (" + e.getMessage().replaceAll("\\s+", " ") + ")"));
        }
    }

    /** The element at the reader's position, whose path its parent has worked out (siblings numbered from 0). */
    private static XmlNode element(XMLStreamReader r, String path) throws XMLStreamException {
        String name = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        List<XmlNode> kids = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String kid = r.getLocalName();
                int n = counts.merge(kid, 1, Integer::sum) - 1;
                kids.add(element(r, path + "/" + kid + (n == 0 && !INDEXED.contains(kid) ? "" : "[" + n + "]")));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new XmlNode(name, text.toString().strip(), line, path, kids);
    }

    /** The first child named {@code child}. */
    Optional<XmlNode> child(String child) {
        return children.stream().filter(c -> c.name.equals(child)).findFirst();
    }

    /** Every child named {@code child}, in order. */
    List<XmlNode> all(String child) {
        return children.stream().filter(c -> c.name.equals(child)).toList();
    }

    /** The text of the first child named {@code child}, when present and not blank. */
    Optional<String> text(String child) {
        return child(child).map(XmlNode::text).filter(t -> !t.isEmpty());
    }
}
