package dev.annota.formats;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What happened during one import or export: every warning and error, in order. Errors follow the
 * {@link ErrorPolicy}: under {@code FAIL_FAST} the first one throws; under {@code COLLECT} it is recorded
 * and the reader skips the broken part. Thread-safe for adding.
 *
 * <p>For jobs over millions of items, {@link #bounded} keeps memory flat: problems that the caller expects
 * (say, images left out of an export on purpose) are not recorded at all, and past a limit the others are
 * only counted ({@link #count()}).
 */
public final class ImportReport {
    private final ErrorPolicy policy;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final Predicate<FieldError> expected;
    private final int keep;
    private long count;

    public ImportReport(ErrorPolicy policy) {
        this(policy, e -> false, Integer.MAX_VALUE);
    }

    private ImportReport(ErrorPolicy policy, Predicate<FieldError> expected, int keep) {
        this.policy = policy;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.keep = keep;
    }

    /**
     * A report that drops the problems {@code expected} accepts and keeps at most {@code keep} of the others
     * (all are counted).
     */
    public static ImportReport bounded(ErrorPolicy policy, Predicate<FieldError> expected, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0, got " + keep);
        }
        return new ImportReport(policy, expected, keep);
    }

    public ErrorPolicy policy() {
        return policy;
    }

    /** Records something odd that the reader survived (an undeclared label, a box outside the image...). */
    public void warn(FieldError error) {
        record(Problem.Severity.WARNING, error);
    }

    /** Records a broken part of the input; throws under FAIL_FAST. */
    public void error(FieldError error) {
        if (policy == ErrorPolicy.FAIL_FAST) {
            throw new ValidationException(error);
        }
        record(Problem.Severity.ERROR, error);
    }

    /** Records a validation failure from the domain (every error in it); throws under FAIL_FAST. */
    public void error(ValidationException e) {
        if (policy == ErrorPolicy.FAIL_FAST) {
            throw e;
        }
        for (FieldError fe : e.errors()) {
            record(Problem.Severity.ERROR, fe);
        }
    }

    private void record(Problem.Severity severity, FieldError error) {
        if (expected.test(error)) {
            return;
        }
        synchronized (problems) {
            count++;
            if (problems.size() < keep) {
                problems.add(new Problem(severity, error));
            }
        }
    }

    /** How many problems were reported (not counting the expected ones), kept or not. */
    public long count() {
        synchronized (problems) {
            return count;
        }
    }

    public List<Problem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    public List<Problem> warnings() {
        return problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    public List<Problem> errors() {
        return problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public boolean isClean() {
        return count() == 0;
    }
}
