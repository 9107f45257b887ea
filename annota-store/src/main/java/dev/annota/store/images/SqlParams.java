package dev.annota.store.images;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the parameters of a query being built, each under a fresh name ({@code :q0}, {@code :q1}…). */
public final class SqlParams {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds {@code value} and returns its placeholder, e.g. {@code :q3}, to put in the SQL. */
    public String bind(Object value) {
        String name = "q" + values.size();
        values.put(name, value);
        return ":" + name;
    }

    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
