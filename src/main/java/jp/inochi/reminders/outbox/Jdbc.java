package jp.inochi.reminders.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Small helpers for the set-based SQL of the outbox and the sweep, on the connection of the current transaction. */
public final class Jdbc {
    private Jdbc() {
    }

    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof LocalDate date) {
                statement.setObject(i + 1, date);
            } else if (value instanceof Enum<?> e) {
                statement.setString(i + 1, e.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    public static int update(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql) + " (" + e.getSQLState() + " " + e.getMessage() + ")", e);
        }
    }

    public static long queryLong(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql) + " (" + e.getSQLState() + " " + e.getMessage() + ")", e);
        }
    }

    /** A {@code bigint[]} parameter for {@code = ANY(?)}. */
    public static java.sql.Array bigints(Connection connection, java.util.Collection<Long> values) {
        try {
            return connection.createArrayOf("bigint", values.toArray(Long[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make a bigint array", e);
        }
    }

    public static java.sql.Array texts(Connection connection, java.util.Collection<String> values) {
        try {
            return connection.createArrayOf("text", values.toArray(String[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make a text array", e);
        }
    }

    public static java.sql.Array ints(Connection connection, java.util.Collection<Integer> values) {
        try {
            return connection.createArrayOf("integer", values.toArray(Integer[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make an integer array", e);
        }
    }

    public static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
