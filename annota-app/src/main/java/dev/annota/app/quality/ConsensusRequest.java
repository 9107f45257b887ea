package dev.annota.app.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import dev.annota.eval.consensus.ConsensusSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A consensus run: which project, how to merge, how to weight the annotators, and optionally which images (all
 * images that at least two annotators finished when absent).
 */
public record ConsensusRequest(String projectId, ConsensusSettings settings, Weighting weighting,
                               Optional<List<String>> imageIds) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How annotators' votes are weighted. */
    public enum Weighting {
        /** Every annotator 1. */
        EQUAL,
        /** Each annotator by their accuracy on gold images (at least 0.05); those without gold images by the mean. */
        GOLD;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Weighting parse(String text) {
            for (Weighting w : values()) {
                if (w.wireName().equals(text)) {
                    return w;
                }
            }
            throw ValidationException.of("weighting", text, "expected equal or gold");
        }
    }

    public ConsensusRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(weighting, "weighting");
        imageIds = imageIds.map(List::copyOf);
    }

    /** The request as stored with its operation. */
    public String toJson() {
        return toNode().toString();
    }

    /** The request as a JSON object (settings in the API's field names). */
    public ObjectNode toNode() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("project_id", projectId);
        n.put("iou_threshold", settings.iouThreshold());
        n.put("min_support", settings.minSupport());
        n.put("agreement_threshold", settings.agreementThreshold());
        n.put("matching", settings.matching().name().toLowerCase(Locale.ROOT));
        n.put("weighting", weighting.wireName());
        imageIds.ifPresent(ids -> {
            var array = n.putArray("image_ids");
            ids.forEach(array::add);
        });
        return n;
    }

    public static ConsensusRequest fromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            Optional<List<String>> ids = Optional.empty();
            if (n.has("image_ids")) {
                List<String> list = new ArrayList<>();
                n.get("image_ids").forEach(v -> list.add(v.asText()));
                ids = Optional.of(list);
            }
            return new ConsensusRequest(n.get("project_id").asText(), new ConsensusSettings(
                    n.get("iou_threshold").asDouble(), n.get("min_support").asDouble(),
                    n.get("agreement_threshold").asDouble(),
                    ConsensusSettings.Matching.valueOf(n.get("matching").asText().toUpperCase(Locale.ROOT))),
                    Weighting.parse(n.get("weighting").asText()), ids);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored consensus request is not JSON: " + json, e);
        }
    }
}
