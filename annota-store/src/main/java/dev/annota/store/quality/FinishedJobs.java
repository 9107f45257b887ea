package dev.annota.store.quality;

import dev.annota.store.Database;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The finished (submitted or accepted) jobs of a project that have an annotator, in image and slot order. */
public final class FinishedJobs {
    private final Jdbi jdbi;

    public FinishedJobs(Database db) {
        this.jdbi = db.jdbi();
    }

    public List<FinishedJob> of(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT j.id, j.image_id, i.file_name, i.width, i.height, t.overlap, "
                        + "t.gold, t.gold_version, j.assignee, u.username FROM workflow_jobs j "
                        + "JOIN workflow_tasks t ON t.id = j.task_id JOIN images i ON i.id = j.image_id "
                        + "JOIN users u ON u.id = j.assignee "
                        + "WHERE j.project_id = :p AND j.state IN ('submitted', 'accepted') "
                        + "ORDER BY t.position, j.image_id, j.slot")
                .bind("p", projectId)
                .map((rs, ctx) -> new FinishedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7) == 1 ? Optional.of(rs.getLong(8)) : Optional.empty(),
                        rs.getString(9), rs.getString(10)))
                .list());
    }
}
