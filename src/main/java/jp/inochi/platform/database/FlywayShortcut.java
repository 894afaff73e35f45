package jp.inochi.platform.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before Micronaut starts: when the database already holds every migration of this build, unchanged
 * ({@link AppliedMigrations#matchExactly}), Flyway is switched off for this start. Flyway would find nothing to do,
 * and loading it and validating every script is about a tenth of the start-up's CPU. One query; any doubt (no
 * history, another row, a changed checksum, no connection) leaves Flyway on, so a changed migration is still refused.
 */
public final class FlywayShortcut {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayShortcut.class);
    static final String ENABLED = "flyway.datasources.default.enabled";
    private static final String HISTORY = "SELECT type, script, checksum, success FROM flyway_schema_history";

    private FlywayShortcut() {
    }

    /** Sets {@value #ENABLED} to false when the schema is current; leaves an explicit setting alone. */
    public static void skipWhenCurrent(Map<String, String> env) {
        if (env.containsKey("FLYWAY_DATASOURCES_DEFAULT_ENABLED") || System.getProperty(ENABLED) != null) {
            return;
        }
        Optional<String> url = setting(env, "DATASOURCES_DEFAULT_URL", "datasources.default.url");
        if (url.isEmpty() || !url.get().startsWith("jdbc:postgresql:")) {
            return;
        }
        Properties login = new Properties();
        setting(env, "DATASOURCES_DEFAULT_USERNAME", "datasources.default.username").ifPresent(v -> login.put("user", v));
        setting(env, "DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password").ifPresent(v -> login.put("password", v));
        if (current(url.get(), login)) {
            System.setProperty(ENABLED, "false");
        }
    }

    /** Whether the database's Flyway history is exactly this build's migrations; false on any doubt. */
    static boolean current(String url, Properties login) {
        try {
            Optional<Map<String, Integer>> scripts = MigrationScripts.onClasspath(FlywayShortcut.class.getClassLoader());
            if (scripts.isPresent() && applied(url, login).matchExactly(scripts.get())) {
                LOG.info("The database holds all {} migrations of this build, unchanged: Flyway is not run",
                        scripts.get().size());
                return true;
            }
        } catch (IOException | SQLException | RuntimeException doubt) {
            LOG.debug("Flyway runs as usual: {}", doubt.getMessage());
        }
        return false;
    }

    private static AppliedMigrations applied(String url, Properties login) throws SQLException {
        Properties settings = new Properties();
        settings.putAll(login);
        settings.put("connectTimeout", "5");
        List<AppliedMigrations.Row> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, settings);
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery(HISTORY)) {
            while (history.next()) {
                int checksum = history.getInt(3);
                rows.add(new AppliedMigrations.Row(history.getString(1), history.getString(2),
                        history.wasNull() ? null : checksum, history.getBoolean(4)));
            }
        }
        return new AppliedMigrations(rows);
    }

    private static Optional<String> setting(Map<String, String> env, String variable, String property) {
        String value = System.getProperty(property, env.get(variable));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
