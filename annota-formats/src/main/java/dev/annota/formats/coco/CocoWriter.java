package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Prefetch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code annotations/instances_<subset>.json} and {@code images/<subset>/} for each subset. Items are
 * streamed once: each subset's images and annotations go to temporary fragments that are stitched into the
 * final file at the end, so memory does not grow with the dataset. Each file appears atomically (written
 * beside it, then moved into place), so a crash never leaves a half-written JSON.
 */
final class CocoWriter implements DatasetWriter {
    static final ObjectMapper JSON = CocoJson.MAPPER;
    private static final int PREFETCH_BATCH = 64;
    private static final int PREFETCH_BATCHES = 8;

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Path annotations = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        Files.createDirectories(annotations);
        LabelSchema schema = dataset.schema();
        Map<String, CocoSubsetSink> sinks = new LinkedHashMap<>();
        try (Stream<Item> items = itemsOf(dataset)) {
            items.forEach(item -> {
                try {
                    CocoSubsetSink sink = sinks.get(item.subset());
                    if (sink == null) {
                        sink = new CocoSubsetSink(folder, item.subset(), schema, report);
                        sinks.put(item.subset(), sink);
                    }
                    sink.add(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            for (CocoSubsetSink s : sinks.values()) {
                s.discard();
            }
            throw e.getCause();
        }
        byte[] categories = JSON.writeValueAsBytes(categories(schema));
        for (CocoSubsetSink sink : sinks.values()) {
            Path target = annotations.resolve("instances_" + sink.subset() + ".json");
            Path partial = annotations.resolve("." + target.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(("{\"info\":{\"description\":\"written by Annota\"},\"licenses\":[],\"categories\":")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(categories);
                out.write(",\"images\":[".getBytes(StandardCharsets.UTF_8));
                sink.copyImages(out);
                out.write("],\"annotations\":[".getBytes(StandardCharsets.UTF_8));
                sink.copyAnnotations(out);
                out.write("]}\n".getBytes(StandardCharsets.UTF_8));
            } finally {
                sink.discard();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The items to write. A dataset read by {@link CocoReader} is parsed on a background thread, a few hundred
     * items ahead of the writing, so parsing and writing overlap: its passes report nothing and hold nothing
     * bound to a thread (see {@link Prefetch}). Other datasets are read on the writing thread, as their passes
     * may report problems into a report the writer also fills, whose order must not change.
     */
    private static Stream<Item> itemsOf(Dataset dataset) {
        if (dataset.passesAreSilent()) {
            return Prefetch.stream(dataset.items(), PREFETCH_BATCH, PREFETCH_BATCHES, "coco-writer-items");
        }
        return dataset.items();
    }

    static ArrayNode categories(LabelSchema schema) {
        ArrayNode out = JSON.createArrayNode();
        for (LabelClass c : schema.classes()) {
            ObjectNode o = out.addObject();
            o.put("id", c.id().value());
            o.put("name", c.name());
            o.put("supercategory", "");
            if (c.skeleton().isPresent()) {
                Skeleton s = c.skeleton().get();
                ArrayNode names = o.putArray("keypoints");
                s.points().forEach(names::add);
                ArrayNode edges = o.putArray("skeleton");
                for (Skeleton.Edge e : s.edges()) {
                    edges.addArray().add(e.from() + 1).add(e.to() + 1); // COCO numbers points from 1
                }
            }
        }
        return out;
    }
}
