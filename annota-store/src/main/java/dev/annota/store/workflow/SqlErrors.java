package dev.annota.store.workflow;

import java.sql.SQLException;
import java.util.Optional;

/** Recognises constraint violations the same way on SQLite and PostgreSQL. */
final class SqlErrors {
    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).map("23505"::equals).orElse(false) || message(e).contains("UNIQUE constraint failed")
                || message(e).contains("PRIMARYKEY");
    }

    static boolean isForeignKeyViolation(Throwable e) {
        return sqlState(e).map("23503"::equals).orElse(false) || message(e).contains("FOREIGN KEY constraint failed");
    }

    private static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return Optional.of(s.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static String message(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(' ');
        }
        return sb.toString();
    }
}
