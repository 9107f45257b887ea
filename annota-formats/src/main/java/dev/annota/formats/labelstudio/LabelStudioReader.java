package dev.annota.formats.labelstudio;

import dev.annota.formats.json.JsonObjectFields;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Reads Label Studio exports with a streaming parser, one task at a time, so an error names the file, the
 * line where the task starts and the JSON pointer inside it ({@code export.json:12 /3/annotations/0/result/1}),
 * and one broken task or result never stops the rest under {@link dev.annota.formats.ErrorPolicy#COLLECT}.
 * Classes declared in a {@code label_config.xml} beside the export come first, in its order.
 */
final class LabelStudioReader implements DatasetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            for (Path f : LabelStudioDetector.jsonFiles(path)) {
                if (LabelStudioDetector.fileConfidence(f) > 0) {
                    files.add(f);
                }
            }
        } else {
            files.add(path);
        }
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), "(files)", null,
                    "expected a Label Studio export: a JSON array of tasks"));
        }
        LabelSchema.Builder schema = LabelSchema.builder();
        LabelConfig.classNames(root.resolve(LabelConfig.FILE), report).forEach(schema::getOrAdd);
        TaskReader tasks = new TaskReader(root, report, schema);
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String subset = files.size() == 1 ? Item.DEFAULT_SUBSET : name.substring(0, name.length() - ".json".length());
            parse(file, subset, tasks, items, report);
        }
        LabelSchema frozen = schema.build();
        List<Item> all = List.copyOf(items);
        return Dataset.streaming(frozen, all::stream);
    }

    private static void parse(Path file, String subset, TaskReader tasks, List<Item> items, ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new ValidationException(new FieldError(name + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a JSON array of tasks"));
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String where = name + ":" + p.currentLocation().getLineNr() + " /" + index;
                JsonNode task = p.readValueAsTree();
                try {
                    if (task == null || !task.isObject()) {
                        throw new ValidationException(new FieldError(where, "(task)", String.valueOf(task), "expected a task object"));
                    }
                    items.add(tasks.item(new JsonObjectFields(task, where), subset));
                } catch (ValidationException e) {
                    report.error(e);
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            report.error(new FieldError(name + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()),
                    "(json)", null, "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
        }
    }
}
