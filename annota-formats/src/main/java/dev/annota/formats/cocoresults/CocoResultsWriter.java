package dev.annota.formats.cocoresults;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a COCO results file: a JSON array of {@code {image_id, category_id, score, bbox}} for detections
 * (pixel {@code [x, y, width, height]}, 2 decimals), as pycocotools' {@code loadRes} reads them, or of
 * {@code {image_id, category_id, score}} for classification (one element per class kept, best first — COCO has
 * no classification results format; this is the common extension). Scores have 6 decimals. One element at a
 * time, so millions of results never sit in memory.
 */
public final class CocoResultsWriter implements Closeable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator g;
    private long written;

    private CocoResultsWriter(JsonGenerator g) throws IOException {
        this.g = g;
        g.writeStartArray();
    }

    /** Starts the file (replacing one that exists). */
    public static CocoResultsWriter create(Path file) throws IOException {
        return new CocoResultsWriter(FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8));
    }

    /** One detection. */
    public void detection(long imageId, int categoryId, double score, PixelBox box) throws IOException {
        start(imageId, categoryId, score);
        g.writeArrayFieldStart("bbox");
        g.writeNumber(round(box.x(), 100));
        g.writeNumber(round(box.y(), 100));
        g.writeNumber(round(box.width(), 100));
        g.writeNumber(round(box.height(), 100));
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One class of an image's classification. */
    public void classification(long imageId, int categoryId, double score) throws IOException {
        start(imageId, categoryId, score);
        g.writeEndObject();
    }

    /** How many results were written. */
    public long written() {
        return written;
    }

    private void start(long imageId, int categoryId, double score) throws IOException {
        if (categoryId < 1) {
            throw ValidationException.of("category_id", categoryId, "expected a COCO category id (1 or more)");
        }
        if (!(score >= 0 && score <= 1)) {
            throw ValidationException.of("score", score, "expected a score in [0, 1]");
        }
        g.writeStartObject();
        g.writeNumberField("image_id", imageId);
        g.writeNumberField("category_id", categoryId);
        g.writeNumberField("score", round(score, 1_000_000));
        written++;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray();
        g.close();
    }
}
