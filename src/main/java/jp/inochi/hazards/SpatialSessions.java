package jp.inochi.hazards;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Session settings for the spatial statements. PostGIS's high function costs make PostgreSQL JIT-compile ordinary
 * spatial queries, which costs more than it saves (see migration V35, which turns JIT off for new sessions of the
 * database). Pooled connections opened before that migration ran keep the old setting, so the statements that would
 * trigger it say so for their own transaction.
 */
public final class SpatialSessions {
    private SpatialSessions() {
    }

    /**
     * For a statement run without a transaction: the session's setting itself, which only aligns a connection
     * opened before V35 with the database's default (off), once; a no-op afterwards.
     */
    public static void withoutJitForSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET jit = off");
        }
    }

    public static void withoutJit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL jit = off");
        }
    }
}
