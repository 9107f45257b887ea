package dev.annota.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class ImportReportTest {
    @Test
    void a_plain_report_keeps_every_problem_in_order() {
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        assertTrue(report.isClean());
        report.warn(FieldError.of("a", "1", "x"));
        report.error(FieldError.of("b", "2", "y"));
        assertEquals(2, report.count());
        assertEquals("a", report.problems().get(0).error().field());
        assertEquals(1, report.errors().size());
        assertFalse(report.isClean());
    }

    @Test
    void a_bounded_report_drops_expected_problems_and_counts_past_its_limit() {
        ImportReport report = ImportReport.bounded(ErrorPolicy.COLLECT, e -> e.field().equals("image"), 3);
        for (int i = 0; i < 100_000; i++) {
            report.warn(FieldError.of("image", "img" + i, "a file"));
        }
        assertTrue(report.isClean());
        for (int i = 0; i < 10; i++) {
            report.warn(FieldError.of("label", "l" + i, "a declared label"));
        }
        assertEquals(10, report.count());
        assertEquals(3, report.problems().size());
        assertEquals("l0", report.problems().get(0).error().value());
    }

    @Test
    void fail_fast_still_throws_on_the_first_error() {
        ImportReport report = ImportReport.bounded(ErrorPolicy.FAIL_FAST, e -> false, 0);
        assertThrows(ValidationException.class, () -> report.error(FieldError.of("x", "1", "y")));
    }
}
