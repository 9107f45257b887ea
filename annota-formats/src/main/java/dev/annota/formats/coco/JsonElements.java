package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.ImportReport;
import dev.annota.formats.json.JsonObjectFields;
import dev.annota.formats.json.JsonObjectFields.NullValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams the elements of a COCO-family JSON file one at a time, each with its location
 * ({@code file.json:LINE /section/INDEX}), for the smaller COCO formats (panoptic, results) that read their
 * files in one pass. Malformed JSON is reported as an error at its line and column; what came before it
 * has been delivered.
 */
public final class JsonElements {
    private JsonElements() {
    }

    /** The elements of the arrays under the top-level keys {@code sections} of a JSON object. */
    public static void sections(Path file, Set<String> sections, BiConsumer<String, JsonObjectFields> visitor,
                                ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        try (JsonParser p = CocoJson.MAPPER.getFactory().createParser(file.toFile())) {
            p.setCodec(CocoJson.MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException(new FieldError(name + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a JSON object with " + String.join(", ", sections)));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (!sections.contains(key)) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new ValidationException(new FieldError(name + ":" + p.currentLocation().getLineNr(),
                            key, String.valueOf(t), "expected an array"));
                }
                elements(p, name, "/" + key + "/", f -> visitor.accept(key, f));
            }
        } catch (JsonProcessingException e) {
            reportBroken(name, e, report);
        }
    }

    /** The elements of a file that is one JSON array (a COCO results file). */
    public static void array(Path file, Consumer<JsonObjectFields> visitor, ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        try (JsonParser p = CocoJson.MAPPER.getFactory().createParser(file.toFile())) {
            p.setCodec(CocoJson.MAPPER);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new ValidationException(new FieldError(name + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a JSON array of results"));
            }
            elements(p, name, "/", visitor);
        } catch (JsonProcessingException e) {
            reportBroken(name, e, report);
        }
    }

    private static void elements(JsonParser p, String name, String pointer, Consumer<JsonObjectFields> visitor) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = name + ":" + p.currentLocation().getLineNr() + " " + pointer + index;
            visitor.accept(new JsonObjectFields(p.readValueAsTree(), where, NullValue.TEXT));
            index++;
        }
    }

    private static void reportBroken(String name, JsonProcessingException e, ImportReport report) {
        var loc = e.getLocation();
        report.error(new FieldError(name + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()),
                "(json)", null, "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
    }
}
