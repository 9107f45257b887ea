package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A test client's reading of a {@code text/event-stream}: events with their name and JSON data, comments skipped. */
final class ServerSentEvents {
    /** One event. */
    record Event(String name, JsonNode data) {
        String state() {
            return data.get("state").asText();
        }
    }

    private ServerSentEvents() {
    }

    /** Parses a whole stream: {@code event:} and {@code data:} lines, an empty line ends an event, {@code :} lines are comments. */
    static List<Event> parse(String text) {
        List<Event> out = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    out.add(new Event(name, json(data.toString())));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()).strip());
            }
        }
        return out;
    }

    /** Follows an operation's events to the end (the stream closes after the final state) and returns them. */
    static List<Event> follow(Http http, String operationId) {
        Http.Response r = http.withHeader("Accept", "text/event-stream").get("/operations/" + operationId + "/events");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("text/event-stream"), r.headers().toString());
        List<Event> events = parse(r.text());
        assertTrue(!events.isEmpty(), "no events: " + r.text());
        return events;
    }

    /** Follows an operation to its final state; fails unless it is {@code expected}; returns the final operation. */
    static JsonNode finalState(Http http, String operationId, String expected) {
        List<Event> events = follow(http, operationId);
        Event last = events.get(events.size() - 1);
        assertEquals("state", last.name());
        assertEquals(expected, last.state(), last.data().toString());
        return last.data();
    }

    private static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
