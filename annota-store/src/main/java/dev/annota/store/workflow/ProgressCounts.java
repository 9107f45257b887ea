package dev.annota.store.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far a project's workflow is: tasks per stage, jobs per state, unassigned jobs, and per user the jobs they
 * hold by state and the review decisions they made. Every stage and state is present (0 when none).
 */
public record ProgressCounts(String projectId, Map<Stage, Long> tasksByStage, Map<JobState, Long> jobsByState,
                             long unassignedJobs, List<UserCounts> users) {
    public ProgressCounts {
        Objects.requireNonNull(projectId, "projectId");
        tasksByStage = complete(Stage.class, tasksByStage);
        jobsByState = complete(JobState.class, jobsByState);
        users = List.copyOf(users);
    }

    public long tasks() {
        return tasksByStage.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One user's share: jobs assigned to them by state, and how many jobs they accepted and rejected as reviewer. */
    public record UserCounts(String userId, Map<JobState, Long> jobsByState, long accepted, long rejected) {
        public UserCounts {
            Objects.requireNonNull(userId, "userId");
            jobsByState = complete(JobState.class, jobsByState);
        }
    }

    static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        EnumMap<E, Long> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            out.put(e, counts.getOrDefault(e, 0L));
        }
        return Collections.unmodifiableMap(out);
    }
}
