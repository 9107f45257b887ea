package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonToken;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.eval.coco.Segmentation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a COCO {@code segmentation} value: polygon lists {@code [[x1,y1,...], ...]}, or an RLE object
 * {@code {"size": [h, w], "counts": "..." | [runs]}} (compressed strings are decoded here, so a bad one is
 * reported with its location).
 */
final class SegmentationJson {
    private SegmentationJson() {
    }

    static Segmentation read(JsonCursor c) throws IOException {
        JsonToken t = c.parser().currentToken();
        if (t == JsonToken.START_ARRAY) {
            List<double[]> parts = new ArrayList<>();
            while (c.parser().nextToken() != JsonToken.END_ARRAY) {
                parts.add(c.numbers("segmentation[" + parts.size() + "]"));
            }
            return new Segmentation.Polygons(parts);
        }
        if (t != JsonToken.START_OBJECT) {
            throw c.fail("segmentation", c.describe(), "expected polygons [[x1, y1, ...], ...] or an RLE {size, counts}");
        }
        int[] size = null;
        String compressed = null;
        int[] runs = null;
        while (c.parser().nextToken() == JsonToken.FIELD_NAME) {
            String key = c.parser().currentName();
            c.parser().nextToken();
            switch (key) {
                case "size" -> {
                    double[] s = c.numbers("segmentation.size");
                    if (s.length != 2 || s[0] < 0 || s[1] < 0 || s[0] != Math.rint(s[0]) || s[1] != Math.rint(s[1])) {
                        throw c.fail("segmentation.size", JsonCursor.show(s), "expected [height, width]");
                    }
                    size = new int[] {(int) s[0], (int) s[1]};
                }
                case "counts" -> {
                    if (c.parser().currentToken() == JsonToken.VALUE_STRING) {
                        compressed = c.parser().getText();
                    } else {
                        double[] r = c.numbers("segmentation.counts");
                        runs = new int[r.length];
                        for (int i = 0; i < r.length; i++) {
                            if (r[i] < 0 || r[i] != Math.rint(r[i]) || r[i] > Integer.MAX_VALUE) {
                                throw c.fail("segmentation.counts[" + i + "]", Double.toString(r[i]), "expected a run length");
                            }
                            runs[i] = (int) r[i];
                        }
                    }
                }
                default -> c.skip();
            }
        }
        if (size == null || (compressed == null && runs == null)) {
            throw c.fail("segmentation", size == null ? "no size" : "no counts",
                    "expected an RLE object with size [height, width] and counts");
        }
        try {
            Rle rle = compressed != null ? RleCodec.decode(compressed, size[0], size[1]) : Rle.of(size[0], size[1], runs);
            return new Segmentation.Mask(rle);
        } catch (ValidationException e) {
            throw e.at(c.location());
        }
    }
}
