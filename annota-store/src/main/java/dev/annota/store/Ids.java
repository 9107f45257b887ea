package dev.annota.store;

import java.util.UUID;

/** Row ids: random UUIDs as text, made by the application so that SQLite and PostgreSQL behave the same. */
public final class Ids {
    private Ids() {
    }

    /** A new random id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
