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
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes {@code annotations/instances_<subset>.json} and {@code images/<subset>/} for each subset. Items are
 * streamed once through a {@link CocoSubsetSink} per subset, whose fragments {@link CocoSubsetFiles} stitches
 * into each file atomically at the end.
 */
final class CocoWriter implements DatasetWriter {
    static final ObjectMapper JSON = CocoJson.MAPPER;
    private static final int PREFETCH_BATCH = 64;
    private static final int PREFETCH_BATCHES = 8;

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        LabelSchema schema = dataset.schema();
        CocoSubsetFiles.write(itemsOf(dataset), folder, "instances_", categories(schema),
                subset -> new CocoSubsetSink(folder, subset, schema, report));
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
