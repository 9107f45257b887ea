package dev.annota.formats;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened during one import or export: every warning and error, in order. Errors follow the
 * {@link ErrorPolicy}: under {@code FAIL_FAST} the first one throws; under {@code COLLECT} it is recorded
 * and the reader skips the broken part. Thread-safe for adding.
 */
public final class ImportReport {
    private final ErrorPolicy policy;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    public ImportReport(ErrorPolicy policy) {
        this.policy = policy;
    }

    public ErrorPolicy policy() {
        return policy;
    }

    /** Records something odd that the reader survived (an undeclared label, a box outside the image...). */
    public void warn(FieldError error) {
        problems.add(new Problem(Problem.Severity.WARNING, error));
    }

    /** Records a broken part of the input; throws under FAIL_FAST. */
    public void error(FieldError error) {
        if (policy == ErrorPolicy.FAIL_FAST) {
            throw new ValidationException(error);
        }
        problems.add(new Problem(Problem.Severity.ERROR, error));
    }

    /** Records a validation failure from the domain (every error in it); throws under FAIL_FAST. */
    public void error(ValidationException e) {
        if (policy == ErrorPolicy.FAIL_FAST) {
            throw e;
        }
        for (FieldError fe : e.errors()) {
            problems.add(new Problem(Problem.Severity.ERROR, fe));
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
        return problems.isEmpty();
    }
}
