package jp.inochi.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;

/** The statistics refresh and the access rule the planner must see through, on the real PostgreSQL. */
@MicronautTest(transactional = false)
class PlannerStatisticsTest {

    @Test
    void aTableThatGrewByMoreThanATenthIsAnalysedInTheSameTransaction() throws SQLException {
        try (Connection connection = Sql.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMPORARY TABLE grown (id int) ON COMMIT DROP");
            statement.execute("INSERT INTO grown SELECT generate_series(1, 5000)");
            PlannerStatistics.refreshIfChangedMuch(connection, "grown", 5000);
            assertEquals(5000, reltuples(statement, "grown"));
            statement.execute("INSERT INTO grown SELECT generate_series(5001, 5100)");
            PlannerStatistics.refreshIfChangedMuch(connection, "grown", 100);
            assertEquals(5000, reltuples(statement, "grown"), "a change of 2 % is left to autovacuum");
            connection.rollback();
        }
    }

    @Test
    void theAccessRuleIsInlinedIntoTheQueriesThatCallIt() throws SQLException {
        try (Connection connection = Sql.connect(); Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN VERBOSE SELECT household_access_basis(h, 'CENTER_STAFF', "
                     + "NULL, NULL, now()) FROM household h")) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            assertFalse(text.toString().contains("household_access_basis"), text.toString());
            assertTrue(text.toString().contains("'CENTER'"), text.toString());
        }
    }

    private static long reltuples(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table + "'::regclass")) {
            row.next();
            return row.getLong(1);
        }
    }
}
