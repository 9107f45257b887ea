package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap look at a JSON file for the COCO detectors (instances, panoptic, results): the top-level keys
 * (values skipped, so a large file is scanned, not loaded) and the field names of the first element of
 * {@code annotations}, or of the top-level array.
 *
 * @param rootIsObject  the file is a JSON object
 * @param rootIsArray   the file is a JSON array
 * @param keys          the top-level keys of an object
 * @param firstElement  the field names of the first annotation (object) or of the first element (array)
 */
public record CocoJsonProbe(boolean rootIsObject, boolean rootIsArray, Set<String> keys, Set<String> firstElement) {
    private static final CocoJsonProbe NOT_JSON = new CocoJsonProbe(false, false, Set.of(), Set.of());

    public CocoJsonProbe {
        keys = Set.copyOf(keys);
        firstElement = Set.copyOf(firstElement);
    }

    /** Reads {@code file}; a file that is not well-formed JSON gives a probe with neither root. */
    public static CocoJsonProbe of(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return NOT_JSON;
        }
        Set<String> keys = new HashSet<>();
        Set<String> first = new HashSet<>();
        try (JsonParser p = CocoJson.MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    fieldNames(p, first);
                }
                return new CocoJsonProbe(false, true, keys, first);
            }
            if (root != JsonToken.START_OBJECT) {
                return NOT_JSON;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keys.add(key);
                JsonToken t = p.nextToken();
                if (key.equals("annotations") && t == JsonToken.START_ARRAY && first.isEmpty()) {
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        fieldNames(p, first);
                        p.nextToken();
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            return new CocoJsonProbe(true, false, keys, first);
        } catch (JsonProcessingException e) {
            return NOT_JSON; // not JSON at all, or truncated: certainly not a COCO file we can read
        }
    }

    /** The names of the object at the parser's {@code {}, values skipped; leaves the parser at its {@code }}. */
    private static void fieldNames(JsonParser p, Set<String> into) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            into.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
    }

    /** Whether this is a COCO panoptic file: its annotations carry {@code segments_info}, or it is named so. */
    public boolean isPanoptic(Path file) {
        return rootIsObject && (firstElement.contains("segments_info")
                || file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("panoptic"));
    }
}
