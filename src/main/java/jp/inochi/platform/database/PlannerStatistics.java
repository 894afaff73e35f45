package jp.inochi.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refreshes PostgreSQL's statistics of a table right after a statement changed much of it, inside the same
 * transaction, so the statements that follow are planned on the new sizes: autovacuum would only do it a minute or
 * more later, and a plan made for 25 rows where there are 6,380 took the call sheet from 0.15 s to 4 s. Smaller
 * changes are left to autovacuum, as ANALYZE would cost more than they do.
 */
public final class PlannerStatistics {

    /** ANALYZE the table when {@code changedRows} is more than a tenth of what the planner thinks it holds. */
    public static void refreshIfChangedMuch(Connection connection, String table, long changedRows) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet estimate = statement.executeQuery("SELECT reltuples FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            estimate.next();
            double known = estimate.getDouble(1);
            if (known < 0 || changedRows > known / 10) {
                statement.execute("ANALYZE " + table);
            }
        }
    }

    private PlannerStatistics() {
    }
}
