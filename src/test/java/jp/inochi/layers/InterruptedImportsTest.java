package jp.inochi.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;

/**
 * The recovery of imports whose instance stopped: the job ends as failed with the reason, the session still holding
 * its transaction is ended (its staging table with it), and its files are deleted; a job whose instance still beats
 * is left alone.
 */
@MicronautTest(transactional = false)
class InterruptedImportsTest {
    @Inject
    InterruptedImports interrupted;
    @Inject
    ImportJobs jobs;

    private static UUID job(String node, String heartbeatAgo, Path files) throws SQLException {
        UUID id = UUID.randomUUID();
        Sql.update("""
                INSERT INTO import_job (id, kind, layer_name, hazard_type, file_name, status, phase, node, created_at,
                                        started_at, heartbeat_at, temp_dir)
                VALUES (?, 'HAZARD', '中断試験', 'FLOOD', 'flood.geojson', 'RUNNING', '登録', ?, now(), now(),
                        now() - ?::interval, ?)""", id, node, heartbeatAgo, files == null ? null : files.toString());
        return id;
    }

    @Test
    void aJobWhoseInstanceStoppedBeatingEndsAsFailedWithItsSessionAndFilesGone() throws Exception {
        Path files = Files.createTempDirectory("inochi-upload-");
        Files.writeString(files.resolve("flood.geojson"), "{}");
        UUID id = job("stopped@1-dead", "10 minutes", files);
        try (Connection session = Sql.connect()) {
            // what a dead instance's import leaves in PostgreSQL until its backend notices: a named open transaction
            session.setAutoCommit(false);
            try (Statement statement = session.createStatement()) {
                statement.execute("SELECT set_config('application_name', '" + ImportJobs.sessionName(id) + "', true)");
                statement.execute("CREATE TEMP TABLE import_stage (feature_index bigint) ON COMMIT DROP");
            }

            interrupted.recover();

            assertEquals("FAILED/中断/" + ImportJobs.INTERRUPTED, Sql.queryForText(
                    "SELECT status || '/' || phase || '/' || detail FROM import_job WHERE id = ?", id));
            assertThrows(SQLException.class, () -> session.createStatement().execute("SELECT 1"), "its session was ended");
        }
        assertFalse(Files.exists(files), "its files are deleted");
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM import_job WHERE id = ? AND temp_dir IS NOT NULL", id));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                ImportJobs.sessionName(id)));
    }

    @Test
    void aJobWhoseInstanceStillBeatsIsLeftRunningHoweverLongItsPhase() throws Exception {
        Path files = Files.createTempDirectory("inochi-upload-");
        UUID id = job(jobs.node(), "50 seconds", files);
        try {
            jobs.heartbeat();
            interrupted.recover();

            assertEquals("RUNNING", Sql.queryForText("SELECT status FROM import_job WHERE id = ?", id));
            assertTrue(Sql.queryForLong("SELECT count(*) FROM import_job WHERE id = ? AND heartbeat_at > now() - interval '5 seconds'",
                    id) == 1, "its heartbeat is fresh although the job wrote no progress");
            assertTrue(Files.isDirectory(files), "its files stay");
        } finally {
            Sql.update("UPDATE import_job SET status = 'SUCCEEDED', phase = '完了', temp_dir = NULL WHERE id = ?", id);
            Files.deleteIfExists(files);
        }
    }
}
