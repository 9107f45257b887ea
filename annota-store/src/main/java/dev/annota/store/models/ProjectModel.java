package dev.annota.store.models;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model used in a project.
 *
 * @param labelMap model label index → project class id; labels not in it are dropped
 */
public record ProjectModel(String projectId, String modelId, Map<Integer, Integer> labelMap, Optional<String> createdBy,
                           Instant createdAt) {
    public ProjectModel {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        labelMap = Collections.unmodifiableMap(new TreeMap<>(labelMap));
    }
}
