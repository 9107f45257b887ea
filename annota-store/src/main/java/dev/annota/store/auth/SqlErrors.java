package dev.annota.store.auth;

import java.sql.SQLException;

/** Recognises constraint violations in the same way on SQLite and PostgreSQL. */
final class SqlErrors {
    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable e) {
        return "23505".equals(sqlState(e)) || text(e).contains("UNIQUE constraint failed")
                || text(e).contains("PRIMARYKEY");
    }

    static boolean isForeignKeyViolation(Throwable e) {
        return "23503".equals(sqlState(e)) || text(e).contains("FOREIGN KEY constraint failed");
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    private static String text(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
