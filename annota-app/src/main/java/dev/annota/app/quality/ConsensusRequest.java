package dev.annota.app.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import dev.annota.eval.consensus.ConsensusSettings;
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

    /** The request as stored with its operation (and in each image's consensus details). */
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
}
