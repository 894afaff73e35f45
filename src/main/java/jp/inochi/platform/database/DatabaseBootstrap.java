package jp.inochi.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the database before Micronaut starts: an external one when {@code DATASOURCES_DEFAULT_URL}
 * (or the system property {@code datasources.default.url}) is set, otherwise the embedded cluster.
 */
public final class DatabaseBootstrap {

    public static final String DEFAULT_HOME = "var/pg";
    public static final int DEFAULT_PORT = 55432;

    private DatabaseBootstrap() {
    }

    /** Starts the embedded cluster and points the datasource at it, unless an external database is configured. */
    public static Optional<EmbeddedPostgres> startEmbeddedUnlessConfigured(Map<String, String> env) {
        if (externalDatabaseConfigured(env)) {
            return Optional.empty();
        }
        Path home = Path.of(env.getOrDefault("INOCHI_PG_HOME", DEFAULT_HOME));
        int port = Integer.parseInt(env.getOrDefault("INOCHI_PG_PORT", String.valueOf(DEFAULT_PORT)));
        EmbeddedPostgres postgres = EmbeddedPostgres.startPersistent(home, port);
        pointDatasourceAt(postgres);
        return Optional.of(postgres);
    }

    public static boolean externalDatabaseConfigured(Map<String, String> env) {
        return isSet(env.get("DATASOURCES_DEFAULT_URL")) || isSet(System.getProperty("datasources.default.url"));
    }

    /** Micronaut reads system properties as configuration, so the datasource and Flyway pick these up. */
    public static void pointDatasourceAt(EmbeddedPostgres postgres) {
        System.setProperty("datasources.default.url", postgres.jdbcUrl());
        System.setProperty("datasources.default.username", postgres.username());
        System.setProperty("datasources.default.password", postgres.password());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
