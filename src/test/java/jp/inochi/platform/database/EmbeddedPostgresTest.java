package jp.inochi.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's own persistent cluster, as the run command uses it (the test suite's cluster is a separate one). */
class EmbeddedPostgresTest {

    @Test
    void restartReusesTheClusterAndKeepsItsData() throws Exception {
        Path home = Files.createTempDirectory("inochi-persistent-");
        int port = freePort();
        try (EmbeddedPostgres first = EmbeddedPostgres.startPersistent(home, port)) {
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('残っている')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.startPersistent(home, port)) {
            try (var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                 var rows = connection.createStatement().executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("残っている", rows.getString(1));
            }
        }
    }

    @Test
    void secondServiceOnTheSameDirectoryGetsAClearError() throws Exception {
        Path home = Files.createTempDirectory("inochi-persistent-");
        try (EmbeddedPostgres running = EmbeddedPostgres.startPersistent(home, freePort())) {
            EmbeddedDatabaseException refused = assertThrows(EmbeddedDatabaseException.class,
                    () -> EmbeddedPostgres.startPersistent(home, freePort()));
            assertTrue(refused.getMessage().contains("already in use by another Inochi process"), refused.getMessage());
        }
    }

    @Test
    void missingBinariesSayWhatToInstall() {
        EmbeddedDatabaseException missing = assertThrows(EmbeddedDatabaseException.class,
                () -> PostgresBinaries.locate(Map.of("INOCHI_PG_BIN", "/nonexistent/bin")));
        assertTrue(missing.getMessage().contains("INOCHI_PG_BIN=/nonexistent/bin"), missing.getMessage());
    }

    @Test
    void externalDatabaseIsUsedWhenConfigured() {
        assertTrue(DatabaseBootstrap.externalDatabaseConfigured(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/inochi")));
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
