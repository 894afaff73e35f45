package jp.inochi.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import jp.inochi.testsupport.FreshDatabase;
import jp.inochi.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Start-up skips Flyway only on a database that already holds this build's migrations unchanged. */
class FlywayShortcutTest {

    @Test
    void aMigratedDatabaseIsCurrentAndAChangedMigrationIsStillRefusedByFlyway() throws Exception {
        FreshDatabase database = FreshDatabase.create("flyway_shortcut");
        Flyway flyway = Flyway.configure()
                .dataSource(database.jdbcUrl(), TestDatabase.get().username(), TestDatabase.get().password())
                .locations("classpath:" + MigrationScripts.LOCATION).load();
        assertFalse(FlywayShortcut.current(database.jdbcUrl(), login()), "no history yet: Flyway migrates");

        flyway.migrate();
        assertTrue(FlywayShortcut.current(database.jdbcUrl(), login()),
                "our checksums equal the ones Flyway recorded for every script of this build");

        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        }
        assertFalse(FlywayShortcut.current(database.jdbcUrl(), login()), "a migration that differs from the applied one");
        assertThrows(FlywayException.class, flyway::migrate, "so Flyway runs, and refuses it as before");
    }

    @Test
    void noDatabaseMeansFlywayRunsAsUsual() {
        assertFalse(FlywayShortcut.current("jdbc:postgresql://127.0.0.1:1/none", login()));
    }

    private static Properties login() {
        Properties login = new Properties();
        login.put("user", TestDatabase.get().username());
        login.put("password", TestDatabase.get().password());
        return login;
    }
}
