package dev.annota.store.workflow;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The state of one annotation job:
 * <pre>
 *   new ──claim──▶ in_progress ──submit──▶ submitted ──accept──▶ accepted
 *                      ▲                      │
 *                      └──claim── rejected ◀──reject (with a comment)
 *                                 rejected ──submit──▶ submitted
 * </pre>
 * Reopening a done task moves its accepted jobs back to {@code in_progress} (or {@code new} when unassigned).
 */
public enum JobState {
    NEW, IN_PROGRESS, SUBMITTED, ACCEPTED, REJECTED;

    /** States in which the annotator still works on the job (it can be claimed, edited, reassigned). */
    public static final Set<JobState> OPEN = Set.of(NEW, IN_PROGRESS, REJECTED);

    /** The name in the database and in JSON: {@code new}, {@code in_progress}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /**
     * Whether a job may go from this state to {@code next} by claiming, submitting or reviewing it (reopening a
     * done task is the one other way back, and is not listed here).
     */
    public boolean canMoveTo(JobState next) {
        return switch (this) {
            case NEW -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == SUBMITTED;
            case REJECTED -> next == IN_PROGRESS || next == SUBMITTED;
            case SUBMITTED -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED -> false;
        };
    }

    /** The state named {@code text} (a wire name), or a field error on {@code field}. */
    public static JobState parse(String field, String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst()
                .orElseThrow(() -> ValidationException.of(field, text,
                        "expected one of new, in_progress, submitted, accepted, rejected"));
    }

    static JobState fromDb(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
