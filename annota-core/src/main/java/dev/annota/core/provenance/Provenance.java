package dev.annota.core.provenance;

import dev.annota.core.error.ValidationException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a result (a trained model, an evaluation) came from, so that any number can be traced back: the
 * content hash of the dataset it used, the configuration, the code version and the time.
 *
 * @param datasetHash a content hash of the dataset, e.g. {@code sha256:…}; non-blank
 * @param config      the settings that produced the result, kept sorted by key
 * @param codeVersion the Annota version or commit; non-blank
 * @param createdAt   when the result was produced
 */
public record Provenance(String datasetHash, Map<String, String> config, String codeVersion, Instant createdAt) {
    public Provenance {
        if (datasetHash == null || datasetHash.isBlank()) {
            throw ValidationException.of("dataset_hash", datasetHash, "expected a non-blank dataset content hash");
        }
        if (codeVersion == null || codeVersion.isBlank()) {
            throw ValidationException.of("code_version", codeVersion, "expected a non-blank code version");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        config = Collections.unmodifiableMap(new TreeMap<>(config));
    }
}
