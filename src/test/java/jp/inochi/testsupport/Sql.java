package jp.inochi.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import jp.inochi.platform.database.EmbeddedPostgres;

/**
 * Plain JDBC to the test database, outside the service's transactions: for setting up rows and for
 * independent checks of what the service wrote. (The service's own DataSource only works inside a transaction.)
 */
public final class Sql {
    private Sql() {
    }

    public static Connection connect() throws SQLException {
        EmbeddedPostgres postgres = TestDatabase.get();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /** The first column of the first row, as a long (counts, ids). */
    public static long queryForLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("No row for: " + sql);
                }
                return rows.getLong(1);
            }
        }
    }

    /** {@link #queryForLong} for use inside lambdas and streams. */
    public static long queryForLongUnchecked(String sql, Object... parameters) {
        try {
            return queryForLong(sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when the value is NULL). */
    public static String queryForText(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("No row for: " + sql);
                }
                return rows.getString(1);
            }
        }
    }

    /** The first column of every row, as text: for comparing what two runs wrote. */
    public static java.util.List<String> queryForStrings(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
