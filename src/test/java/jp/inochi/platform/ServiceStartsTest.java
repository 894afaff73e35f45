package jp.inochi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ServiceStartsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthIsUpOnTheEmbeddedDatabase() {
        Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        assertEquals("UP", health.get("status"));
    }

    @Test
    void postgisExtensionIsCreatedByTheMigration() throws Exception {
        try (var connection = Sql.connect();
             var rows = connection.createStatement().executeQuery("SELECT postgis_lib_version()")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("3."), rows.getString(1));
        }
    }

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    @Test
    void everyPooledConnectionStartsWithJitOffAndBatchedInserts() {
        String[] jit = transactions.executeRead(status -> {
            try (var rows = status.getConnection().createStatement()
                    .executeQuery("SELECT setting, source FROM pg_settings WHERE name = 'jit'")) {
                rows.next();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        });
        assertEquals("off", jit[0]);
        assertEquals("client", jit[1], "set by the pool at connect, not left to a database default");
        boolean rewrite = transactions.executeRead(status -> status.getConnection()
                .unwrap(org.postgresql.core.BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());
        assertTrue(rewrite, "audit rows go as multi-row INSERTs");
    }

    @Test
    void all45MunicipalitiesAndFiveWardsAreLoaded() throws Exception {
        try (var connection = Sql.connect();
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FILTER (WHERE kind <> 'WARD'), count(*) FILTER (WHERE kind = 'WARD') FROM municipality")) {
            assertTrue(rows.next());
            assertEquals(45, rows.getInt(1));
            assertEquals(5, rows.getInt(2));
        }
    }
}
