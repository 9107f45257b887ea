package dev.annota.store.embeddings;

import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.embeddings.VectorTable.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stored image embeddings: one vector per (image, embedding model), float32 little-endian bytes
 * ({@link VectorCodec}). Writes replace an image's earlier vector for the same model; a batch is one transaction.
 * Deleting an image or a project deletes its vectors (foreign keys).
 */
public final class ImageEmbeddings {
    private final Jdbi jdbi;

    public ImageEmbeddings(Database db) {
        this.jdbi = db.jdbi();
    }

    /** A model's vectors in a project: how many there are and their length. */
    public record ModelSummary(String modelKey, int dim, long count) {
    }

    /**
     * Stores {@code batch} for {@code modelKey} in one transaction, each image's vector replacing its earlier one.
     * Every image must belong to {@code projectId}.
     *
     * @throws NotFoundException when an image is not in the project (nothing is stored)
     */
    public void putAll(String projectId, String modelKey, List<ImageVector> batch, Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            List<String> ids = batch.stream().map(ImageVector::imageId).distinct().toList();
            long inProject = h.createQuery("SELECT COUNT(*) FROM images WHERE project_id = :p AND id IN (<ids>)")
                    .bind("p", projectId).bindList("ids", ids).mapTo(Long.class).one();
            if (inProject != ids.size()) {
                throw new NotFoundException("embeddings for " + (ids.size() - inProject) + " image(s) that are not in project "
                        + projectId + "; nothing was stored");
            }
            h.createUpdate("DELETE FROM image_embeddings WHERE model_key = :m AND image_id IN (<ids>)")
                    .bind("m", modelKey).bindList("ids", ids).execute();
            PreparedBatch insert = h.prepareBatch("INSERT INTO image_embeddings (image_id, model_key, project_id, dim, vector, created_at) "
                    + "VALUES (:i, :m, :p, :d, :v, :t)");
            for (ImageVector v : batch) {
                float[] values = v.vector();
                insert.bind("i", v.imageId()).bind("m", modelKey).bind("p", projectId).bind("d", values.length)
                        .bind("v", VectorCodec.encode(values)).bind("t", now.toEpochMilli()).add();
            }
            insert.execute();
        });
    }

    /** The vector of an image for a model. */
    public Optional<float[]> get(String imageId, String modelKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT vector FROM image_embeddings WHERE image_id = :i AND model_key = :m")
                .bind("i", imageId).bind("m", modelKey).mapTo(byte[].class).findOne().map(VectorCodec::decode));
    }

    /** Up to {@code limit} images of the project without a vector for the model, in id order (what is left to embed). */
    public List<String> missing(String projectId, String modelKey, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT i.id FROM images i WHERE i.project_id = :p AND NOT EXISTS ("
                        + "SELECT 1 FROM image_embeddings e WHERE e.image_id = i.id AND e.model_key = :m) ORDER BY i.id LIMIT :n")
                .bind("p", projectId).bind("m", modelKey).bind("n", limit).mapTo(String.class).list());
    }

    /** How many images of the project have no vector for the model. */
    public long countMissing(String projectId, String modelKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images i WHERE i.project_id = :p AND NOT EXISTS ("
                        + "SELECT 1 FROM image_embeddings e WHERE e.image_id = i.id AND e.model_key = :m)")
                .bind("p", projectId).bind("m", modelKey).mapTo(Long.class).one());
    }

    /** The embedding models with vectors in the project, by key. */
    public List<ModelSummary> models(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT model_key, MAX(dim) AS dim, COUNT(*) AS n FROM image_embeddings "
                        + "WHERE project_id = :p GROUP BY model_key ORDER BY model_key")
                .bind("p", projectId)
                .map((rs, ctx) -> new ModelSummary(rs.getString("model_key"), rs.getInt("dim"), rs.getLong("n"))).list());
    }

    /** The images of the project whose current annotation set is not empty (the rest are unlabelled). */
    public java.util.Set<String> annotatedImages(String projectId) {
        return jdbi.withHandle(h -> new java.util.HashSet<>(h.createQuery("SELECT s.image_id FROM image_annotation_stats s "
                        + "JOIN images i ON i.id = s.image_id WHERE i.project_id = :p AND s.annotation_count > 0")
                .bind("p", projectId).mapTo(String.class).list()));
    }

    /** A cheap fingerprint of the project's vectors for the model: count and newest write time. */
    public Stamp stamp(String projectId, String modelKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, MAX(created_at) AS t FROM image_embeddings "
                        + "WHERE project_id = :p AND model_key = :m")
                .bind("p", projectId).bind("m", modelKey)
                .map((rs, ctx) -> new Stamp(rs.getLong("n"), rs.getLong("t"))).one());
    }

    /**
     * Every vector of the project for the model, packed, in image-id order.
     *
     * @throws IllegalStateException when the stored vectors differ in length (one model key, two models)
     */
    public VectorTable load(String projectId, String modelKey) {
        return jdbi.inTransaction(h -> {
            Stamp stamp = h.createQuery("SELECT COUNT(*) AS n, MAX(created_at) AS t FROM image_embeddings "
                            + "WHERE project_id = :p AND model_key = :m")
                    .bind("p", projectId).bind("m", modelKey).map((rs, ctx) -> new Stamp(rs.getLong("n"), rs.getLong("t"))).one();
            List<String> ids = new ArrayList<>((int) stamp.count());
            float[][] holder = {new float[0]};
            int[] dim = {-1};
            h.createQuery("SELECT image_id, dim, vector FROM image_embeddings WHERE project_id = :p AND model_key = :m ORDER BY image_id")
                    .bind("p", projectId).bind("m", modelKey).setFetchSize(1000)
                    .map((rs, ctx) -> Map.entry(rs.getString("image_id"), rs.getBytes("vector")))
                    .forEach(row -> {
                        byte[] bytes = row.getValue();
                        int d = bytes.length / Float.BYTES;
                        if (dim[0] < 0) {
                            dim[0] = d;
                            holder[0] = new float[(int) Math.max(1, stamp.count()) * d];
                        } else if (d != dim[0]) {
                            throw new IllegalStateException("model " + modelKey + " has vectors of " + dim[0] + " and of " + d
                                    + " values in project " + projectId);
                        }
                        int row0 = ids.size();
                        if ((long) (row0 + 1) * d > holder[0].length) {
                            holder[0] = java.util.Arrays.copyOf(holder[0], Math.max(holder[0].length * 2, (row0 + 1) * d));
                        }
                        VectorCodec.decodeInto(bytes, holder[0], row0 * d);
                        ids.add(row.getKey());
                    });
            int d = Math.max(dim[0], 0);
            float[] values = java.util.Arrays.copyOf(holder[0], ids.size() * d);
            return new VectorTable(projectId, modelKey, d, ids, values, stamp);
        });
    }
}
