package dev.annota.app.prelabel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a pre-labelling job does, as stored on its operation (so a resumed job runs the same).
 *
 * @param modelId                the registered model, linked to the project
 * @param threshold              the lowest score kept, 0 to 1
 * @param maxDetections          at most this many suggestions per image
 * @param onlyWithoutAnnotations only images whose annotation set is empty
 * @param onlyWithoutSuggestions only images without any model's suggestions
 * @param redo                   also images this model version already ran on (otherwise skipped)
 * @param filter                 the image filter as its parameters (the listing's names and values)
 */
public record PrelabelRequest(String modelId, double threshold, int maxDetections, boolean onlyWithoutAnnotations,
                              boolean onlyWithoutSuggestions, boolean redo, Map<String, List<String>> filter) {
    /** Defaults: threshold 0.3, at most 100 suggestions per image. */
    public static final double DEFAULT_THRESHOLD = 0.3;
    public static final int DEFAULT_MAX_DETECTIONS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public PrelabelRequest {
        Objects.requireNonNull(modelId, "modelId");
        if (modelId.isBlank()) {
            throw ValidationException.of("model_id", modelId, "the id of a model linked to the project");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ValidationException.of("threshold", threshold, "a score from 0 to 1");
        }
        if (maxDetections < 1 || maxDetections > 10_000) {
            throw ValidationException.of("max_detections", maxDetections, "from 1 to 10000 suggestions per image");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        filter.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        filter = java.util.Collections.unmodifiableMap(copy);
    }

    /** A request for the whole project with the defaults. */
    public static PrelabelRequest of(String modelId) {
        return new PrelabelRequest(modelId, DEFAULT_THRESHOLD, DEFAULT_MAX_DETECTIONS, false, false, false, Map.of());
    }

    public PrelabelRequest withThreshold(double t) {
        return new PrelabelRequest(modelId, t, maxDetections, onlyWithoutAnnotations, onlyWithoutSuggestions, redo, filter);
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("model_id", modelId).put("threshold", threshold).put("max_detections", maxDetections)
                .put("only_without_annotations", onlyWithoutAnnotations).put("only_without_suggestions", onlyWithoutSuggestions)
                .put("redo", redo);
        ObjectNode f = o.putObject("filter");
        filter.forEach((k, v) -> v.forEach(x -> f.withArray(k).add(x)));
        return o.toString();
    }

    public static PrelabelRequest fromJson(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            Map<String, List<String>> filter = new LinkedHashMap<>();
            o.path("filter").fields().forEachRemaining(e -> {
                List<String> values = new java.util.ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                filter.put(e.getKey(), values);
            });
            return new PrelabelRequest(o.path("model_id").asText(), o.path("threshold").asDouble(DEFAULT_THRESHOLD),
                    o.path("max_detections").asInt(DEFAULT_MAX_DETECTIONS), o.path("only_without_annotations").asBoolean(),
                    o.path("only_without_suggestions").asBoolean(), o.path("redo").asBoolean(), filter);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("a stored prelabel request that is not JSON: " + json, e);
        }
    }
}
