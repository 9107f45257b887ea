package dev.annota.app.prelabel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a pre-labelling run did.
 *
 * @param selected    images the job had left to do when it (re)started
 * @param processed   images the model ran on and whose suggestions were stored
 * @param suggestions suggestions stored
 * @param failures    images that could not be read or decoded (the first {@link #MAX_LISTED} are listed)
 */
public record PrelabelReport(String modelName, String modelVersion, long selected, long processed, long suggestions,
                             List<PrelabelPipeline.Failure> failures, double seconds) {
    public static final int MAX_LISTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public PrelabelReport {
        failures = List.copyOf(failures);
    }

    public double imagesPerSecond() {
        return seconds > 0 ? processed / seconds : 0;
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", modelName).put("model_version", modelVersion).put("selected", selected).put("processed", processed)
                .put("suggestions", suggestions).put("failed", failures.size()).put("seconds", Math.round(seconds * 1000) / 1000.0)
                .put("images_per_second", Math.round(imagesPerSecond() * 10) / 10.0);
        ArrayNode f = o.putArray("failures");
        failures.stream().limit(MAX_LISTED).forEach(x -> f.addObject().put("image_id", x.imageId()).put("message", x.message()));
        return o.toString();
    }

    /** One line for people. */
    public String message() {
        return processed + " image" + (processed == 1 ? "" : "s") + " pre-labelled with " + modelName + " " + modelVersion + ": "
                + suggestions + " suggestion" + (suggestions == 1 ? "" : "s") + (failures.isEmpty() ? "" : "; " + failures.size()
                + " image(s) could not be read");
    }
}
