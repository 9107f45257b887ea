package dev.annota.app.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import java.util.Objects;

/** What an embedding operation embeds: every image of a project without a vector from the model, batch by batch. */
public record EmbedRequest(String projectId, String model, int batchSize) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default number of images stored per transaction. */
    public static final int DEFAULT_BATCH = 32;

    public EmbedRequest {
        Objects.requireNonNull(projectId, "projectId");
        if (model == null || !model.matches(EmbeddingModels.NAME)) {
            throw ValidationException.of("model", String.valueOf(model),
                    "expected a model name of letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw ValidationException.of("batch_size", batchSize, "expected a whole number from 1 to 1024");
        }
    }

    /** As stored with the operation, to resume it. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("project_id", projectId).put("model", model).put("batch_size", batchSize);
        return n.toString();
    }

    public static EmbedRequest fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new EmbedRequest(n.path("project_id").asText(), n.path("model").asText(), n.path("batch_size").asInt(DEFAULT_BATCH));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AnnotaException("a stored embedding request is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
