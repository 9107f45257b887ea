package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes {@code annotations/panoptic_<subset>.json}, one PNG per image in {@code annotations/panoptic_<subset>/}
 * and the images in {@code images/<subset>/}. Items stream through {@link PanopticSubsetSink}s; each file
 * appears atomically.
 *
 * <p>Conversion rules (each reported as a warning naming {@code item <id>: annotations[<i>]}): polygons and
 * boxes become their pixel masks (pycocotools rasterisation), rotated boxes and ellipses their polygons' masks;
 * tags, keypoints, points, polylines and cuboids are not written; where segments overlap, the later annotation
 * keeps the pixels; attributes other than {@code iscrowd} and scores are not written. A segment's id is its
 * group id when that is a free id in [1, 2²⁴−1], else the next free id; {@code area} and {@code bbox} are those
 * of its pixels in the written PNG. A class is written with {@code isthing: 0} when it allows only masks.
 */
final class CocoPanopticWriter implements DatasetWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Path annotations = folder.resolve(CocoPanopticFormat.ANNOTATIONS_DIR);
        Files.createDirectories(annotations);
        LabelSchema schema = dataset.schema();
        Map<String, PanopticSubsetSink> sinks = new LinkedHashMap<>();
        try (Stream<Item> items = dataset.items()) {
            items.forEach(item -> {
                try {
                    PanopticSubsetSink sink = sinks.get(item.subset());
                    if (sink == null) {
                        sink = new PanopticSubsetSink(folder, item.subset(), schema, report);
                        sinks.put(item.subset(), sink);
                    }
                    sink.add(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            for (PanopticSubsetSink s : sinks.values()) {
                s.discard();
            }
            throw e.getCause();
        }
        byte[] categories = JSON.writeValueAsBytes(categories(schema));
        for (PanopticSubsetSink sink : sinks.values()) {
            Path target = annotations.resolve(CocoPanopticFormat.PREFIX + sink.subset() + ".json");
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

    static ArrayNode categories(LabelSchema schema) {
        ArrayNode out = JSON.createArrayNode();
        for (LabelClass c : schema.classes()) {
            ObjectNode o = out.addObject();
            o.put("id", c.id().value());
            o.put("name", c.name());
            o.put("supercategory", "");
            o.put("isthing", c.kinds().equals(Set.of(AnnotationKind.MASK)) ? 0 : 1);
        }
        return out;
    }
}
