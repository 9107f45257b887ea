package dev.annota.store.images;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The images of projects in the database: inserting whole imports in one transaction, and the look-ups an
 * import needs (hashes already in a project). Listing is {@link ImageQueries}.
 */
public final class Images {
    private static final int CHUNK = 200;

    private final Jdbi jdbi;
    private final AnnotationSets annotationSets;

    public Images(Database db) {
        this.jdbi = db.jdbi();
        this.annotationSets = new AnnotationSets(db);
    }

    /** An image id with its perceptual hash. */
    public record Hash(String imageId, long phash) {
    }

    public Optional<ImageRecord> get(String imageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ImageRows.COLUMNS + " FROM images i WHERE i.id = :id")
                .bind("id", imageId).map((rs, ctx) -> ImageRows.map(rs)).findOne());
    }

    /** The ids of the project's images with these hashes, by hash (absent hashes are not in the map). */
    public Map<String, String> idsBySha(String projectId, Collection<String> sha256s) {
        Map<String, String> out = new HashMap<>();
        List<String> all = List.copyOf(sha256s);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbi.useHandle(h -> h.createQuery("SELECT sha256, id FROM images WHERE project_id = :p AND sha256 IN (<shas>)")
                    .bind("p", projectId).bindList("shas", part)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
        }
        return out;
    }

    /** Every image of the project with its perceptual hash, oldest first. */
    public List<Hash> hashes(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, phash FROM images WHERE project_id = :p ORDER BY created_at, id")
                .bind("p", projectId).map((rs, ctx) -> new Hash(rs.getString(1), rs.getLong(2))).list());
    }

    /** The project's near-duplicate flags, by flagged image. */
    public List<NearDuplicate> nearDuplicates(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT image_id, nearest_id, distance FROM image_near_duplicates "
                        + "WHERE project_id = :p ORDER BY image_id")
                .bind("p", projectId).map((rs, ctx) -> new NearDuplicate(rs.getString(1), rs.getString(2), rs.getInt(3))).list());
    }

    public long count(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images WHERE project_id = :p")
                .bind("p", projectId).mapTo(Long.class).one());
    }

    /**
     * Writes a whole import in ONE transaction: its import row, images, metadata rows, near-duplicate flags and
     * first annotation sets (through {@link AnnotationSets}, which joins the transaction). A crash at any
     * moment leaves all of it or none of it. {@code rowsWritten} is told how many images are written so far.
     */
    public void insert(ImportBatch batch, LongConsumer rowsWritten) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO image_imports (id, project_id, source, created_at, created_by, images_added, duplicates, "
                                + "near_duplicates, problems) VALUES (:id, :p, :source, :at, :by, :added, :dups, :near, :problems)")
                        .bind("id", batch.id()).bind("p", batch.projectId()).bind("source", batch.source())
                        .bind("at", batch.createdAt().toEpochMilli()).bind("by", batch.createdBy().orElse(null))
                        .bind("added", batch.images().size()).bind("dups", batch.duplicates())
                        .bind("near", batch.nearDuplicates().size()).bind("problems", batch.problems())
                        .execute();
                insertImages(h, batch.images(), rowsWritten);
                insertMetadata(h, batch.images());
                insertNearDuplicates(h, batch.projectId(), batch.nearDuplicates());
                for (Map.Entry<String, List<Annotation>> e : batch.annotations().entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        annotationSets.save(e.getKey(), 0, e.getValue(), batch.createdBy(), "import " + batch.id());
                    }
                }
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            throw new AnnotaException("project " + batch.projectId() + ": the import could not be written (" + rootMessage(e)
                    + "); nothing was added", e);
        }
    }

    private static void insertImages(Handle h, List<ImageRecord> images, LongConsumer rowsWritten) {
        long done = 0;
        for (int from = 0; from < images.size(); from += CHUNK) {
            PreparedBatch b = h.prepareBatch("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, "
                    + "phash, source_path, split, metadata_json, created_at, import_id) VALUES (:id, :p, :sha, :name, :w, :h, :format, "
                    + ":orientation, :phash, :source, :split, :meta, :at, :import)");
            List<ImageRecord> part = images.subList(from, Math.min(images.size(), from + CHUNK));
            for (ImageRecord r : part) {
                b.bind("id", r.id()).bind("p", r.projectId()).bind("sha", r.sha256()).bind("name", r.fileName())
                        .bind("w", r.width()).bind("h", r.height()).bind("format", r.format().key())
                        .bind("orientation", r.orientation()).bind("phash", r.phash()).bind("source", r.sourcePath().orElse(null))
                        .bind("split", r.split()).bind("meta", ImageRows.writeMetadata(r.metadata()))
                        .bind("at", r.createdAt().toEpochMilli()).bind("import", r.importId().orElse(null)).add();
            }
            b.execute();
            done += part.size();
            rowsWritten.accept(done);
        }
    }

    private static void insertMetadata(Handle h, List<ImageRecord> images) {
        List<String[]> rows = new ArrayList<>();
        for (ImageRecord r : images) {
            r.metadata().forEach((k, v) -> rows.add(new String[] {r.id(), k, v}));
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            PreparedBatch b = h.prepareBatch("INSERT INTO image_metadata (image_id, meta_key, meta_value) VALUES (:id, :k, :v)");
            for (String[] row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                b.bind("id", row[0]).bind("k", row[1]).bind("v", row[2]).add();
            }
            b.execute();
        }
    }

    private static void insertNearDuplicates(Handle h, String projectId, List<NearDuplicate> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("INSERT INTO image_near_duplicates (image_id, nearest_id, project_id, distance) "
                + "VALUES (:id, :nearest, :p, :d)");
        for (NearDuplicate n : pairs) {
            b.bind("id", n.imageId()).bind("nearest", n.nearestId()).bind("p", projectId).bind("d", n.distance()).add();
        }
        b.execute();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
