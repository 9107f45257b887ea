package dev.annota.store.workflow;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Where an image's task stands: {@code annotate} while any of its jobs is unfinished, {@code review} when every
 * job is submitted (or already accepted), {@code done} when every job is accepted. Derived from the jobs on every
 * change and stored for queries.
 */
public enum Stage {
    ANNOTATE, REVIEW, DONE;

    /** The name in the database and in JSON: {@code annotate}, {@code review}, {@code done}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stage that the states of a task's jobs imply: {@code done} when all are accepted, {@code review} when all
     * are submitted or accepted, {@code annotate} otherwise.
     */
    public static Stage of(Collection<JobState> jobStates) {
        if (jobStates.isEmpty()) {
            throw new IllegalArgumentException("a task has at least one job");
        }
        if (jobStates.stream().allMatch(s -> s == JobState.ACCEPTED)) {
            return DONE;
        }
        if (jobStates.stream().allMatch(s -> s == JobState.SUBMITTED || s == JobState.ACCEPTED)) {
            return REVIEW;
        }
        return ANNOTATE;
    }

    /** The stage named {@code text} (a wire name), or a field error on {@code field}. */
    public static Stage parse(String field, String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst()
                .orElseThrow(() -> ValidationException.of(field, text, "expected one of annotate, review, done"));
    }
}
