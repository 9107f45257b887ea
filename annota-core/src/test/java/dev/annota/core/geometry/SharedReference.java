package dev.annota.core.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The shared reference data ({@code annota.shared.dir}/reference); tests that need it are skipped without it. */
final class SharedReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedReference() {
    }

    /** {@code reference/<relative>}, or the calling test is skipped (with the reason) when it is absent. */
    static Path path(String relative) {
        String dir = System.getProperty("annota.shared.dir", "../../shared");
        Path p = Path.of(dir, "reference").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p),
                "skipped: shared reference data not found at " + p.toAbsolutePath()
                        + " (set -Dannota.shared.dir to the shared folder)");
        return p;
    }

    static JsonNode json(String relative) {
        Path p = path(relative);
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    static Polygon polygon(JsonNode segmentation) {
        List<double[]> parts = new ArrayList<>();
        for (JsonNode part : segmentation) {
            double[] xy = new double[part.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = part.get(i).asDouble();
            }
            parts.add(xy);
        }
        return Polygon.fromFlat(parts);
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** A COCO RLE dict ({@code size}, {@code counts} as a list or a compressed string). */
    static Rle rle(JsonNode segmentation) {
        int h = segmentation.get("size").get(0).asInt();
        int w = segmentation.get("size").get(1).asInt();
        JsonNode counts = segmentation.get("counts");
        return counts.isTextual() ? RleCodec.decode(counts.asText(), h, w) : Rle.of(h, w, ints(counts));
    }
}
