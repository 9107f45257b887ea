package dev.annota.store.projects;

import java.sql.SQLException;

/** Recognises constraint violations the same way on SQLite and PostgreSQL. */
final class SqlErrors {
    private SqlErrors() {
    }

    static boolean isUniqueViolation(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("UNIQUE constraint failed") || m.contains("PRIMARYKEY"))) {
                return true;
            }
        }
        return false;
    }
}
