package dev.annota.app.workflow;

import dev.annota.store.workflow.JobAssignment;
import java.util.List;

/**
 * What an assignment did: the jobs given out, how many planned ones were skipped because someone claimed them in
 * the meantime, and how many open jobs of the images are still unassigned (no eligible user was left).
 */
public record AssignmentReport(List<JobAssignment> assigned, int skipped, int leftOpen) {
    public AssignmentReport {
        assigned = List.copyOf(assigned);
        if (skipped < 0 || leftOpen < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
