package dev.annota.store.images;

import dev.annota.core.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one import writes to the database, in one transaction ({@link Images#insert}): the import row,
 * its images with their metadata rows, the near-duplicate flags, and for each image that came with
 * annotations its first annotation set (version 1).
 *
 * @param source      what was imported, for people (e.g. {@code upload of 12 files}, {@code zip photos.zip})
 * @param annotations annotations per image id; images without an entry get no annotation set
 */
public record ImportBatch(String id, String projectId, String source, Instant createdAt, Optional<String> createdBy,
                          List<ImageRecord> images, List<NearDuplicate> nearDuplicates,
                          Map<String, List<Annotation>> annotations, int duplicates, int problems) {
    public ImportBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        images = List.copyOf(images);
        nearDuplicates = List.copyOf(nearDuplicates);
        annotations = Map.copyOf(annotations);
        for (ImageRecord r : images) {
            if (!r.projectId().equals(projectId) || !r.importId().equals(Optional.of(id))) {
                throw new IllegalArgumentException("image " + r.id() + " does not belong to import " + id + " of project " + projectId);
            }
        }
    }
}
