package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Checks shared by the malformed-request and permission tests. */
final class Problems {
    private Problems() {
    }

    static void assertProblem(Http.Response r, int status, String says, String what) {
        assertEquals(status, r.status(), what + ": " + r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals(status, problem.get("status").asInt(), what);
        String detail = problem.get("detail").asText() + " " + problem.get("errors");
        assertTrue(detail.contains(says), what + ": expected the detail to say '" + says + "', got " + problem);
        assertFalse(r.text().contains("at dev.annota") || r.text().contains("Exception"), what + ": no stack trace: " + r.text());
    }

    /** The response is a problem JSON with {@code status} whose detail or errors say {@code says}, without a stack trace. */
    static void assertProblem(Http.Response r, String what, int status, String says) {
        assertProblem(r, status, says, what);
    }

    /**
     * The arguments of a permission table: for each database, each row {@code {endpoint, body, status per caller...}}
     * and each caller, {@code (dialect, endpoint, caller, body, expected status)}.
     */
    static List<Arguments> permissionRows(Object[][] matrix, List<String> callers) {
        List<Arguments> out = new ArrayList<>();
        for (dev.annota.store.Dialect d : dev.annota.store.TestDatabases.dialects().toList()) {
            for (Object[] row : matrix) {
                for (int i = 0; i < callers.size(); i++) {
                    out.add(Arguments.of(d, row[0], callers.get(i), row[1], row[2 + i]));
                }
            }
        }
        return out;
    }

    /** Each row of {@code table} once per database, with the dialect in front. */
    static List<Arguments> perDialect(Object[][] table) {
        List<Arguments> out = new ArrayList<>();
        for (dev.annota.store.Dialect d : dev.annota.store.TestDatabases.dialects().toList()) {
            for (Object[] row : table) {
                Object[] args = new Object[row.length + 1];
                args[0] = d;
                System.arraycopy(row, 0, args, 1, row.length);
                out.add(Arguments.of(args));
            }
        }
        return out;
    }
}
