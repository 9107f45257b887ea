package dev.annota.store.workflow;

/** What {@link WorkflowTasks#ensureTasks} did: tasks created (each with its jobs) and images that had one already. */
public record EnsureTasksResult(int created, int alreadyPresent) {
    public EnsureTasksResult {
        if (created < 0 || alreadyPresent < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
