package dev.annota.store.projects;

import dev.annota.core.annotation.Annotation;
import dev.annota.store.Database;
import dev.annota.store.json.AnnotationJson;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads every current annotation set of a project, page by page, to find which annotations use a class, a
 * kind or an attribute (schema edits need to know what they would break).
 *
 * <p>Pages are keyset-paginated on the image id ({@code image_id > last ORDER BY image_id LIMIT n}), which is
 * correct on SQLite and PostgreSQL and stays correct when the visited sets are rewritten during the scan (their
 * ids do not change). Memory stays at one page. The cost is a full read of the project's annotation JSON; a
 * label index table ({@code image_id, label_id, count}, maintained by every save) will later turn "which images
 * use class X" into an index lookup, and this scan will then only visit those images.
 */
public final class ProjectAnnotationScan {
    /** Sets read per query. */
    public static final int DEFAULT_PAGE_SIZE = 200;

    /** The current annotation set of one image, with the version a rewrite must name. */
    public record StoredSet(String imageId, long version, List<Annotation> annotations) {
        public StoredSet {
            Objects.requireNonNull(imageId, "imageId");
            annotations = List.copyOf(annotations);
        }
    }

    private final Jdbi jdbi;

    public ProjectAnnotationScan(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Calls {@code action} for every non-empty annotation set of the project, in image id order. */
    public void forEach(String projectId, Consumer<StoredSet> action) {
        forEach(projectId, DEFAULT_PAGE_SIZE, action);
    }

    /** As {@link #forEach(String, Consumer)}, reading {@code pageSize} sets per query. */
    public void forEach(String projectId, int pageSize, Consumer<StoredSet> action) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, got " + pageSize);
        }
        String after = "";
        while (true) {
            String from = after;
            List<StoredSet> page = jdbi.withHandle(h -> h.createQuery(
                            "SELECT s.image_id, s.version, s.annotations_json FROM annotation_sets s JOIN images i ON i.id = s.image_id "
                                    + "WHERE i.project_id = :p AND s.image_id > :after AND s.annotations_json <> '[]' "
                                    + "ORDER BY s.image_id LIMIT :n")
                    .bind("p", projectId).bind("after", from).bind("n", pageSize)
                    .map((rs, ctx) -> new StoredSet(rs.getString(1), rs.getLong(2), AnnotationJson.read(rs.getString(3))))
                    .list());
            page.forEach(action);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).imageId();
        }
    }

    /** Whether {@code imageId} is an image of {@code projectId}. */
    public boolean hasImage(String projectId, String imageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images WHERE id = :i AND project_id = :p")
                .bind("i", imageId).bind("p", projectId).mapTo(Integer.class).one()) > 0;
    }
}
