package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.ImportReport;
import dev.annota.formats.json.JsonObjectFields;
import dev.annota.formats.json.JsonObjectFields.NullValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The first, streaming pass over one COCO file. Each element of {@code images}, {@code annotations} and
 * {@code categories} is parsed on its own and handed to the {@link CocoAssembler.FileScope}, with its
 * location (file, line, JSON pointer) and, for annotation records, the byte range of the element.
 *
 * <p>Annotation records can only be converted once the file's images and categories are known. When the
 * {@code annotations} array comes first (COCO's own files list categories last), it is skipped and read
 * again from its byte offset after the rest of the file.
 */
final class CocoScanner {
    static final ObjectMapper JSON = CocoJson.MAPPER;
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final Path file;
    private final String fileName;
    private final CocoAssembler.FileScope scope;
    private final ImportReport report;
    private boolean brokenJsonReported;

    CocoScanner(Path file, CocoAssembler.FileScope scope, ImportReport report) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.scope = scope;
        this.report = report;
    }

    void scan() throws IOException {
        long deferredAt = -1;
        int deferredLine = 1;
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException(new FieldError(fileName + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a JSON object with images, annotations and categories"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "images", "annotations", "categories" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new ValidationException(new FieldError(fileName + ":" + p.currentLocation().getLineNr(),
                                    key, String.valueOf(t), "expected an array"));
                        }
                        if (key.equals("annotations") && !scope.readyForAnnotations()) {
                            JsonLocation at = p.currentTokenLocation();
                            deferredAt = requireByteOffset(at);
                            deferredLine = at.getLineNr();
                            p.skipChildren();
                        } else {
                            elements(p, key, 0, 1);
                            scope.section(key);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            reportBrokenJson(e, 1);
        }
        if (deferredAt >= 0) {
            deferredAnnotations(deferredAt, deferredLine);
        }
    }

    /** Reads the {@code annotations} array again, starting at its {@code [} at byte {@code at}. */
    private void deferredAnnotations(long at, int line) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch.position(at));
             JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(JSON);
            p.nextToken();
            elements(p, "annotations", at, line);
        } catch (JsonProcessingException e) {
            reportBrokenJson(e, line);
        }
    }

    /**
     * The elements of the array at the parser's {@code [}; {@code baseOffset} and {@code baseLine} are where
     * the parser started in the file (it may have been opened in the middle of it).
     */
    private void elements(JsonParser p, String key, long baseOffset, int baseLine) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            int line = baseLine + p.currentLocation().getLineNr() - 1;
            String where = fileName + ":" + line + " /" + key + "/" + index;
            JsonNode element = p.readValueAsTree();
            JsonObjectFields fields = new JsonObjectFields(element, where, NullValue.TEXT);
            switch (key) {
                case "images" -> scope.image(fields);
                case "categories" -> scope.category(fields);
                default -> {
                    long from = baseOffset + requireByteOffset(start);
                    long to = baseOffset + requireByteOffset(p.currentLocation());
                    scope.annotation(fields, from, (int) (to - from));
                }
            }
            index++;
        }
    }

    private long requireByteOffset(JsonLocation at) {
        long offset = at.getByteOffset();
        if (offset < 0) {
            throw new ValidationException(new FieldError(fileName, "(encoding)", null,
                    "expected a UTF-8 JSON file (COCO files are UTF-8)"));
        }
        return offset;
    }

    private void reportBrokenJson(JsonProcessingException e, int baseLine) {
        if (brokenJsonReported) {
            return; // the same damage seen again when re-reading the annotations
        }
        brokenJsonReported = true;
        var loc = e.getLocation();
        String where = loc == null ? "" : ":" + (baseLine + loc.getLineNr() - 1) + (baseLine == 1 ? ":" + loc.getColumnNr() : "");
        report.error(new FieldError(fileName + where, "(json)", null,
                "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
    }
}
