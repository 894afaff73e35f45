package jp.inochi.disasters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One SQL statement run on the transaction's connection, instants as timestamps; for the event's use cases. */
final class EventStatements {
    private EventStatements() {
    }

    static void update(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql.lines().findFirst().orElse("") + " (" + e.getSQLState() + ")", e);
        }
    }
}
