package dev.annota.spark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.annota.core.geometry.PixelBox;
import dev.annota.formats.cocoresults.CocoResultsWriter;
import dev.annota.infer.ModelLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes {@code coco/} from the predictions, streamed to the driver a partition at a time (never all at once):
 * {@code results.json}, a COCO results file ({@link CocoResultsWriter}: detections with boxes, or each image's
 * top-k classes), and {@code images.json}, the COCO images and categories the results refer to — {@code id}
 * (the {@code image_id}), {@code file_name} (the manifest's path), {@code width}, {@code height}, and Annota's
 * {@code annota_id} (the manifest's id) and {@code sha256}; categories are the model's labels, {@code id} = output
 * index + 1; no annotations. {@code annota prelabel import} reads the pair.
 */
final class CocoOutput {
    static final String RESULTS = "results.json";
    static final String IMAGES = "images.json";
    private static final JsonFactory FACTORY = new JsonFactory();

    private CocoOutput() {
    }

    /** Writes both files into {@code folder}; returns the number of results written. */
    static long write(Dataset<Row> predictions, List<ModelLabel> labels, String modelName, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (CocoResultsWriter results = CocoResultsWriter.create(folder.resolve(RESULTS));
             JsonGenerator images = FACTORY.createGenerator(folder.resolve(IMAGES).toFile(), JsonEncoding.UTF8)) {
            images.writeStartObject();
            images.writeObjectFieldStart("info");
            images.writeStringField("description", "images of an Annota Spark job (" + modelName + ")");
            images.writeEndObject();
            images.writeArrayFieldStart("images");
            Iterator<Row> rows = predictions.select("image_id", "id", "path", "sha256", "width", "height", "classes", "detections")
                    .toLocalIterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                long imageId = r.getLong(0);
                images.writeStartObject();
                images.writeNumberField("id", imageId);
                images.writeStringField("file_name", r.getString(2));
                images.writeNumberField("width", r.getInt(4));
                images.writeNumberField("height", r.getInt(5));
                images.writeStringField("annota_id", r.getString(1));
                images.writeStringField("sha256", r.getString(3));
                images.writeEndObject();
                if (!r.isNullAt(6)) {
                    for (Row c : r.<Row>getList(6)) {
                        results.classification(imageId, c.getInt(0) + 1, clamp(c.getDouble(2)));
                    }
                }
                if (!r.isNullAt(7)) {
                    for (Row d : r.<Row>getList(7)) {
                        results.detection(imageId, d.getInt(0) + 1, clamp(d.getDouble(2)),
                                new PixelBox(d.getDouble(3), d.getDouble(4), d.getDouble(5), d.getDouble(6)));
                    }
                }
            }
            images.writeEndArray();
            images.writeArrayFieldStart("annotations");
            images.writeEndArray();
            images.writeArrayFieldStart("categories");
            for (ModelLabel l : labels) {
                images.writeStartObject();
                images.writeNumberField("id", l.index() + 1);
                images.writeStringField("name", l.name());
                images.writeEndObject();
            }
            images.writeEndArray();
            images.writeEndObject();
            return results.written();
        }
    }

    /** Softmax can round a hair past 1. */
    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }
}
