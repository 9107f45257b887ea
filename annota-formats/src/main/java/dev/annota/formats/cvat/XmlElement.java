package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One small element read whole from a StAX stream: an {@code <image>} with its shapes, or {@code <meta>}.
 * Only ever built for one such element at a time, so memory stays bounded by the largest image.
 *
 * @param location {@code file:line} of the start tag
 * @param text     the element's own text (trimmed of nothing), empty when it has none
 */
record XmlElement(String name, Map<String, String> attributes, String location, List<XmlElement> children, String text) {
    /** Deeper nesting than any CVAT file has is refused instead of overflowing the stack. */
    static final int MAX_DEPTH = 32;

    /** Reads the element the reader is on (at its START_ELEMENT), leaving it on the matching END_ELEMENT. */
    static XmlElement read(XMLStreamReader r, String file) throws XMLStreamException {
        return read(r, file, 0);
    }

    private static XmlElement read(XMLStreamReader r, String file, int depth) throws XMLStreamException {
        String location = CvatXml.where(file, r);
        if (depth > MAX_DEPTH) {
            throw new ValidationException(new FieldError(location, r.getLocalName(), null,
                    "expected elements nested at most " + MAX_DEPTH + " deep"));
        }
        String name = r.getLocalName();
        int n = r.getAttributeCount();
        Map<String, String> attributes = n == 0 ? Map.of() : new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        List<XmlElement> children = List.of();
        StringBuilder text = null;
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (children.isEmpty()) {
                        children = new ArrayList<>();
                    }
                    children.add(read(r, file, depth + 1));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text == null) {
                        text = new StringBuilder();
                    }
                    text.append(r.getText());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, attributes, location, children, text == null ? "" : text.toString());
                }
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The trimmed text of the first child called {@code childName}; empty when absent. */
    Optional<String> childText(String childName) {
        return child(childName).map(c -> c.text.strip());
    }

    /** Every descendant called {@code descendantName}, depth first, not looking inside matches. */
    List<XmlElement> descendants(String descendantName) {
        List<XmlElement> out = new ArrayList<>();
        collect(descendantName, out);
        return out;
    }

    private void collect(String descendantName, List<XmlElement> out) {
        for (XmlElement c : children) {
            if (c.name.equals(descendantName)) {
                out.add(c);
            } else {
                c.collect(descendantName, out);
            }
        }
    }
}
