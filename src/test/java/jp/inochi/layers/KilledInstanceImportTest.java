package jp.inochi.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.layers.reading.WorkDirectory;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.ServiceProcess;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * Acceptance, with two real service processes on one database: the instance running a hazard import of the full
 * Kumamoto flood file is killed (SIGKILL) half-way through reading it. The other instance ends the job as failed with
 * the reason, ends the dead import's database session (its staging table goes with it) and deletes its files; the
 * layer's previous version stays current and a home's exposure is untouched; importing again then succeeds. The
 * instances run without Quartz: the recovery is each instance's own heartbeat ({@link ImportHeartbeat}).
 */
@MicronautTest(transactional = false)
class KilledInstanceImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    TestLogins logins;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;

    @Test
    void theInstanceKilledDuringAHazardImportLeavesThePreviousLayerCurrentAndNoStagingBehind() throws Exception {
        Path serviceTemp = Files.createTempDirectory("inochi-killed-import-");
        // Both instances on one machine with one temporary directory, a beat every second and a death noticed after 5 s.
        Map<String, String> settings = Map.of("INOCHI_SCHEDULER_START", "false", "INOCHI_IMPORT_HEARTBEAT", "1s",
                "INOCHI_IMPORT_STALE_AFTER", "5s", "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + serviceTemp);
        try (ServiceProcess doomed = ServiceProcess.start("import-doomed", settings);
             ServiceProcess survivor = ServiceProcess.start("import-survivor", settings)) {
            doomed.awaitHealthy(Duration.ofSeconds(120));
            survivor.awaitHealthy(Duration.ofSeconds(120));
            AppUser staff = logins.user(Role.CENTER_STAFF);
            String token = survivor.token(staff.username(), TestLogins.PASSWORD);
            String layer = "強制終了試験 " + System.nanoTime();

            JsonNode first = awaitEnd(survivor, token, upload(survivor, token, layer, GeoData.FLOOD_SUBSET));
            assertEquals("SUCCEEDED", first.get("status").asText(), first.toString());
            long previousVersion = first.get("layerVersionId").asLong();
            long home = homeInAZoneOf(previousVersion);
            String exposureBefore = exposure(home);
            assertTrue(exposureBefore.startsWith("IN_ZONE:"), exposureBefore);

            String job = upload(doomed, token, layer, GeoData.FLOOD_FULL);
            String midway = awaitHalfWayThroughReading(job);
            assertEquals(1, Sql.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                    ImportJobs.sessionName(UUID.fromString(job))), "the import's session is named: " + midway);
            Path jobFiles = Path.of(Sql.queryForText("SELECT temp_dir FROM import_job WHERE id = ?::uuid", job));
            assertTrue(Files.isDirectory(jobFiles) && leftovers(serviceTemp).size() > 0, "its files are there before the kill");
            doomed.kill();

            awaitRecovered(job);
            JsonNode killed = json(survivor.get("/api/imports/" + job, token));
            assertEquals("FAILED", killed.get("status").asText(), killed.toString());
            assertEquals("中断", killed.get("phase").asText());
            assertTrue(killed.get("detail").asText().contains("読み込み中にサーバーが停止しました"), killed.toString());
            assertTrue(killed.get("detail").asText().contains("もう一度読み込んでください"), killed.toString());
            assertEquals(previousVersion, Sql.queryForLong("SELECT current_version_id FROM geo_layer WHERE name = ?", layer),
                    "the previous version stays current");
            assertEquals(1, Sql.queryForLong("SELECT count(*) FROM geo_layer_version v JOIN geo_layer l ON l.id = v.layer_id "
                    + "WHERE l.name = ?", layer), "no half-written version");
            assertEquals(exposureBefore, exposure(home), "the home's exposure is untouched");
            assertEquals(0, Sql.queryForLong("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                    ImportJobs.sessionName(UUID.fromString(job))), "the dead import's session is gone");
            assertEquals(0, Sql.queryForLong("SELECT count(*) FROM pg_class WHERE relname = 'import_stage'"),
                    "no staging table, so no staging rows, is left");
            assertTrue(!Files.exists(jobFiles), "the job's files are deleted: " + jobFiles);
            assertEquals(List.of(), leftovers(serviceTemp), "no upload or unpacking directory is left");

            // the layer is free again: the dead session's lock on it went with the session
            JsonNode again = awaitEnd(survivor, token, upload(survivor, token, layer, GeoData.FLOOD_SUBSET));
            assertEquals("SUCCEEDED", again.get("status").asText(), again.toString());
            assertNotEquals(previousVersion, again.get("layerVersionId").asLong());
            assertEquals(again.get("layerVersionId").asLong(),
                    Sql.queryForLong("SELECT current_version_id FROM geo_layer WHERE name = ?", layer));
            assertEquals(List.of(), leftovers(serviceTemp));
        } finally {
            WorkDirectory.delete(serviceTemp);
        }
    }

    /** Uploads the geodata file as the next version of the flood layer; the job id. */
    private static String upload(ServiceProcess node, String token, String layer, String file) throws Exception {
        HttpResponse<String> accepted = node.upload("/api/hazard-layers", token, Map.of("name", layer, "hazardType", "FLOOD"),
                GeoData.file(file));
        assertEquals(202, accepted.statusCode(), accepted.body());
        return JSON.readTree(accepted.body()).get("jobId").asText();
    }

    private static JsonNode awaitEnd(ServiceProcess node, String token, String job) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode state;
        do {
            Thread.sleep(200);
            state = json(node.get("/api/imports/" + job, token));
        } while (!List.of("SUCCEEDED", "FAILED").contains(state.get("status").asText()) && System.nanoTime() < deadline);
        return state;
    }

    /** Waits until a fifth to two thirds of the features are read (progress is written every tenth); what it saw. */
    private static String awaitHalfWayThroughReading(String job) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = Sql.queryForText("SELECT status || '/' || phase || '/' || done || '/' || coalesce(total, 0) FROM import_job "
                    + "WHERE id = ?::uuid", job);
            String[] parts = seen.split("/");
            long done = Long.parseLong(parts[2]);
            long total = Long.parseLong(parts[3]);
            if (parts[0].equals("RUNNING") && parts[1].equals("読み込み") && total > 0 && done * 5 >= total) {
                assertTrue(done * 3 <= total * 2, "the kill came too late to be half-way: " + seen);
                return seen;
            }
            assertTrue(parts[0].equals("QUEUED") || parts[0].equals("RUNNING"), "the import ended before the kill: " + seen);
            Thread.sleep(20);
        }
        throw new AssertionError("the import never got half-way: " + seen);
    }

    /** Waits until the survivor has ended the job and deleted its files. */
    private static void awaitRecovered(String job) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (Sql.queryForLong("SELECT count(*) FROM import_job WHERE id = ?::uuid AND status = 'FAILED' AND temp_dir IS NULL",
                job) == 0) {
            assertTrue(System.nanoTime() < deadline, "the survivor did not end the orphaned job");
            Thread.sleep(200);
        }
    }

    /** A home inside a zone of the version, its exposure computed. */
    private long homeInAZoneOf(long version) throws Exception {
        double x = Double.parseDouble(Sql.queryForText("SELECT ST_X(ST_PointOnSurface(geom))::text FROM hazard_zone "
                + "WHERE version_id = ? ORDER BY feature_index LIMIT 1", version));
        double y = Double.parseDouble(Sql.queryForText("SELECT ST_Y(ST_PointOnSurface(geom))::text FROM hazard_zone "
                + "WHERE version_id = ? ORDER BY feature_index LIMIT 1", version));
        long id = households.living("43203", true, x, y).id();
        exposures.recomputeHousehold(id);
        return id;
    }

    private static String exposure(long household) throws Exception {
        return Sql.queryForText("SELECT status || ':' || coalesce(severity::text, '-') || ':' || layer_version_id || ':' "
                + "|| evaluated_at FROM household_hazard_exposure WHERE hazard_type = 'FLOOD' AND household_id = ?", household);
    }

    private static List<String> leftovers(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.startsWith("inochi-")).sorted().toList();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
