package dev.annota.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Plain JDBC on a Jdbi handle's connection, for the few statements every annotation save runs: positional
 * parameters ({@code String}, {@code Long}, {@code Integer}, or {@code null} for a NULL text), no named-parameter
 * parsing, binding objects or statement contexts. Failures are Jdbi's {@link UnableToExecuteStatementException}
 * with the {@link SQLException} as cause, as the rest of the store reports them.
 */
final class Jdbc {
    private Jdbc() {
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the number of rows it changed. */
    static int update(Handle h, String sql, Object... args) {
        try (PreparedStatement s = prepare(h.getConnection(), sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** What to do with one row of a query's result (the result set is positioned on it). */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query and hands each row to {@code row}. */
    static void query(Handle h, String sql, Row row, Object... args) {
        try (PreparedStatement s = prepare(h.getConnection(), sql, args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else if (a instanceof String v) {
                    s.setString(i + 1, v);
                } else if (a instanceof Long v) {
                    s.setLong(i + 1, v);
                } else if (a instanceof Integer v) {
                    s.setInt(i + 1, v);
                } else {
                    throw new IllegalArgumentException("parameter " + (i + 1) + " of " + sql + ": unsupported type " + a.getClass());
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException(sql + ": " + e.getMessage(), e, null);
    }
}
