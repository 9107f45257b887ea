package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.item.Dataset;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.CocoSubsetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

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
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        LabelSchema schema = dataset.schema();
        CocoSubsetFiles.write(dataset.items(), folder, CocoPanopticFormat.PREFIX, categories(schema),
                subset -> new PanopticSubsetSink(folder, subset, schema, report));
    }

    static ArrayNode categories(LabelSchema schema) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
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
