package dev.annota.store;

/** The databases Annota runs on. The migrations are the same for both; only connection set-up differs. */
public enum Dialect {
    SQLITE, POSTGRESQL;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw dev.annota.core.error.ValidationException.of("--db", jdbcUrl,
                "expected a jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB URL");
    }
}
