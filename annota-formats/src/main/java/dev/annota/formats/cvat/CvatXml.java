package dev.annota.formats.cvat;

import java.util.Locale;
import java.math.BigDecimal;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The JDK's StAX factories, set up safely, and small helpers shared by the reader and the writer. */
final class CvatXml {
    private CvatXml() {
    }

    /**
     * A reader factory of the JDK's own StAX implementation that refuses DTDs and external entities, so a
     * file cannot make Annota read other files or expand entities (XXE, billion laughs).
     */
    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /** {@code file:line} of the reader's position. */
    static String where(String file, XMLStreamReader r) {
        return file + ":" + r.getLocation().getLineNumber();
    }

    /** Skips the element the reader is on (at its START_ELEMENT), leaving it on the matching END_ELEMENT. */
    static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A number as short as it can be written and still be read back exactly ({@code 4}, {@code 2.5}). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** A value for a message: long values are cut, so a 10,000-point polygon does not flood the report. */
    static String shown(String value) {
        if (value == null || value.length() <= 120) {
            return value;
        }
        return value.substring(0, 117) + "...";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
