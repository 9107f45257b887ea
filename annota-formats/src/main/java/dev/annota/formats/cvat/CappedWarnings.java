package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warnings that may repeat for every element of a large file (a missing image, an undeclared label, a
 * dropped confidence): the first {@value #CAP} of each kind go to the report, and one summary says how many
 * more there were, so a million repeats neither flood the report nor pass unmentioned.
 */
final class CappedWarnings {
    static final int CAP = 100;

    private final ImportReport report;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, FieldError> first = new LinkedHashMap<>();

    CappedWarnings(ImportReport report) {
        this.report = report;
    }

    ImportReport report() {
        return report;
    }

    /** Warns about {@code error}, unless {@value #CAP} warnings of this {@code kind} were already given. */
    void warn(String kind, FieldError error) {
        long n = counts.merge(kind, 1L, Long::sum);
        if (n == 1) {
            first.put(kind, error);
        }
        if (n <= CAP) {
            report.warn(error);
        }
    }

    /** Adds one summary warning per kind that went past the cap. */
    void finish() {
        counts.forEach((kind, n) -> {
            if (n > CAP) {
                FieldError e = first.get(kind);
                report.warn(new FieldError("(" + (n - CAP) + " more)", e.field(), e.value(),
                        e.expected() + " [repeated " + (n - CAP) + " more times; only the first " + CAP + " are listed]"));
            }
        });
        counts.clear();
        first.clear();
    }
}
