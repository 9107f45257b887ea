package dev.annota.store.workflow;

import dev.annota.store.Database;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Progress counts of a project's workflow, computed with a few grouped queries in one read. */
public final class WorkflowCounts {
    private final Jdbi jdbi;

    public WorkflowCounts(Database db) {
        this.jdbi = db.jdbi();
    }

    public ProgressCounts of(String projectId) {
        return jdbi.inTransaction(h -> {
            Map<Stage, Long> stages = new EnumMap<>(Stage.class);
            h.createQuery("SELECT stage, COUNT(*) FROM workflow_tasks WHERE project_id = :p GROUP BY stage")
                    .bind("p", projectId)
                    .map((rs, ctx) -> stages.put(Stage.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getLong(2)))
                    .list();
            Map<JobState, Long> states = new EnumMap<>(JobState.class);
            h.createQuery("SELECT state, COUNT(*) FROM workflow_jobs WHERE project_id = :p GROUP BY state")
                    .bind("p", projectId).map((rs, ctx) -> states.put(JobState.fromDb(rs.getString(1)), rs.getLong(2))).list();
            long unassigned = h.createQuery("SELECT COUNT(*) FROM workflow_jobs WHERE project_id = :p AND assignee IS NULL")
                    .bind("p", projectId).mapTo(Long.class).one();
            Map<String, Map<JobState, Long>> held = new TreeMap<>();
            h.createQuery("SELECT assignee, state, COUNT(*) FROM workflow_jobs WHERE project_id = :p AND assignee IS NOT NULL "
                            + "GROUP BY assignee, state")
                    .bind("p", projectId)
                    .map((rs, ctx) -> held.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(JobState.class))
                            .put(JobState.fromDb(rs.getString(2)), rs.getLong(3)))
                    .list();
            Map<String, long[]> decisions = new TreeMap<>();
            h.createQuery("SELECT c.author, c.kind, COUNT(*) FROM workflow_comments c JOIN workflow_jobs j ON j.id = c.job_id "
                            + "WHERE j.project_id = :p AND c.author IS NOT NULL AND c.kind IN ('accept', 'reject') "
                            + "GROUP BY c.author, c.kind")
                    .bind("p", projectId)
                    .map((rs, ctx) -> {
                        long[] d = decisions.computeIfAbsent(rs.getString(1), k -> new long[2]);
                        d["accept".equals(rs.getString(2)) ? 0 : 1] = rs.getLong(3);
                        return d;
                    })
                    .list();
            TreeMap<String, ProgressCounts.UserCounts> users = new TreeMap<>();
            for (String u : held.keySet()) {
                decisions.putIfAbsent(u, new long[2]);
            }
            for (Map.Entry<String, long[]> e : decisions.entrySet()) {
                users.put(e.getKey(), new ProgressCounts.UserCounts(e.getKey(), held.getOrDefault(e.getKey(), Map.of()),
                        e.getValue()[0], e.getValue()[1]));
            }
            return new ProgressCounts(projectId, stages, states, unassigned, List.copyOf(users.values()));
        });
    }
}
