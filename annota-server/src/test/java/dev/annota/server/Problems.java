package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that a response is a problem JSON of the expected status whose detail or errors say what is wrong. */
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
}
