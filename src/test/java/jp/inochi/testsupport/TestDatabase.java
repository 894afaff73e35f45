package jp.inochi.testsupport;

import jp.inochi.platform.database.DatabaseBootstrap;
import jp.inochi.platform.database.EmbeddedPostgres;

/** The one throwaway PostGIS cluster of this test JVM, started on first use and removed at the end. */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.startThrowaway();
            DatabaseBootstrap.pointDatasourceAt(postgres);
        }
        return postgres;
    }

    static synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
