package jp.inochi.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.platform.database.EmbeddedPostgres;

/**
 * A new, empty database in the test JVM's PostGIS cluster, for tests that must start from nothing (no admin yet,
 * demo data loaded exactly as the run command does) without disturbing the shared test database.
 * Start a service on it with {@link #properties()}; Flyway migrates it like a fresh installation.
 */
public final class FreshDatabase {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    public static FreshDatabase create(String purpose) {
        String name = "fresh_" + purpose.replaceAll("[^a-z0-9_]", "_") + "_" + SEQUENCE.incrementAndGet();
        try (Connection connection = Sql.connect(); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new FreshDatabase(name);
    }

    public String jdbcUrl() {
        EmbeddedPostgres postgres = TestDatabase.get();
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + name;
    }

    /** Configuration that points a service's datasource (and Flyway) at this database. */
    public Map<String, Object> properties() {
        EmbeddedPostgres postgres = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", postgres.username());
        properties.put("datasources.default.password", postgres.password());
        return properties;
    }

    public Connection connect() throws SQLException {
        EmbeddedPostgres postgres = TestDatabase.get();
        return DriverManager.getConnection(jdbcUrl(), postgres.username(), postgres.password());
    }

    public long queryForLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The first column of the first row, as text. */
    public String queryForString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
