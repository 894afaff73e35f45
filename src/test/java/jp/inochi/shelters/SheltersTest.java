package jp.inochi.shelters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import jp.inochi.hazards.HazardImports;
import jp.inochi.access.Role;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GSI shelter files, the nearest shelters from a home, and shelters that lie in a flood zone themselves. */
@MicronautTest(transactional = false)
class SheltersTest {
    static Map<String, Object> evacuation;
    static Map<String, Object> emergency;

    @Inject
    Uploads uploads;
    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    AuditEntryRepository audit;
    @Inject
    @Client("/")
    HttpClient client;

    @BeforeEach
    void importTheGsiFilesAndTheFloodSubsetOnce() throws Exception {
        if (evacuation == null) {
            evacuation = uploads.importAndAwait("/api/shelter-layers", Map.of("name", "受入試験 指定避難所（国土地理院）",
                    "credit", "出典：国土地理院「指定緊急避難場所・指定避難所データ」"), GeoData.file(GeoData.SHELTERS_EVACUATION));
            emergency = uploads.importAndAwait("/api/shelter-layers", Map.of("name", "受入試験 指定緊急避難場所（国土地理院）",
                    "credit", "出典：国土地理院「指定緊急避難場所・指定避難所データ」"), GeoData.file(GeoData.SHELTERS_EMERGENCY));
            importer.importFiles(HazardImports.request("避難所試験 人吉・球磨 洪水", HazardType.FLOOD, "国土数値情報 A31b", "CC BY 4.0", null),
                    List.of(new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET)), ImportProgress.NONE);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGsiFilesImportWithTheirWelfareCandidatesAndHazardFlags() throws Exception {
        assertEquals("SUCCEEDED", evacuation.get("status"), () -> String.valueOf(evacuation));
        Map<String, Object> report = (Map<String, Object>) evacuation.get("report");
        assertEquals(1338, ((Number) report.get("imported")).intValue());
        assertEquals("GSI_EVACUATION_SHELTER", report.get("profile"));
        long version = ((Number) report.get("versionId")).longValue();
        assertEquals(160, Sql.queryForLong("SELECT count(*) FROM shelter WHERE version_id = ? AND welfare_candidate", version));
        assertEquals("GSI_EMERGENCY_SITE", ((Map<String, Object>) emergency.get("report")).get("profile"));
        long sites = ((Number) ((Map<String, Object>) emergency.get("report")).get("versionId")).longValue();
        assertTrue(Sql.queryForLong("SELECT count(*) FROM shelter WHERE version_id = ? AND 'FLOOD' = ANY (suitable_for)", sites) > 100);
        assertTrue(Sql.queryForLong("SELECT count(*) FROM shelter WHERE version_id = ? AND NOT ('FLOOD' = ANY (suitable_for))", sites) > 10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNearestSheltersFromAHomeComeNearestFirstWithTheirStraightLineDistanceAndTheReadIsAudited() throws Exception {
        long id = households.living("43203", true, 130.7627, 32.2104).id();
        Map<String, Object> answer = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/households/" + id + "/shelters?limit=5")), Map.class);
        List<Map<String, Object>> shelters = (List<Map<String, Object>>) answer.get("shelters");
        assertEquals(5, shelters.size());
        long previous = -1;
        for (Map<String, Object> shelter : shelters) {
            long distance = ((Number) shelter.get("distanceM")).longValue();
            assertTrue(distance >= previous, "sorted by distance");
            previous = distance;
            long independent = Sql.queryForLong("SELECT round(ST_Distance(s.geom::geography, h.location::geography))::bigint "
                    + "FROM shelter s, household h WHERE s.id = ? AND h.id = ?", ((Number) shelter.get("id")).longValue(), id);
            assertEquals(independent, distance);
        }
        long nearestOverall = Sql.queryForLong("""
                SELECT round(min(ST_Distance(s.geom::geography, h.location::geography)))::bigint
                FROM shelter s JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT', household h WHERE h.id = ?""", id);
        assertEquals(nearestOverall, ((Number) shelters.get(0).get("distanceM")).longValue());
        assertTrue(answer.get("notice").toString().contains("直線距離"));
        assertEquals(AuditAction.READ, audit.findByHouseholdIdOrderByIdAsc(id).get(0).action());
    }

    @Test
    @SuppressWarnings("unchecked")
    void welfareOnlyGivesOnlyWelfareShelterCandidates() {
        long id = households.living("43203", true, 130.7627, 32.2104).id();
        Map<String, Object> answer = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/households/" + id + "/shelters?limit=3&welfareOnly=true")), Map.class);
        List<Map<String, Object>> shelters = (List<Map<String, Object>>) answer.get("shelters");
        assertEquals(3, shelters.size());
        assertTrue(shelters.stream().allMatch(shelter -> Boolean.TRUE.equals(shelter.get("welfareCandidate"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShelterInAFloodZoneSaysSoAndCanBeAvoided() throws Exception {
        double lon;
        double lat;
        long shelterId;
        try (var connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("""
                     SELECT s.id, ST_X(s.geom), ST_Y(s.geom) FROM shelter s
                     JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
                     WHERE EXISTS (SELECT 1 FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                                   WHERE l.hazard_type = 'FLOOD' AND ST_Intersects(z.geom, s.geom))
                     ORDER BY s.id LIMIT 1""")) {
            assertTrue(row.next(), "some real shelter along the 球磨川 lies in the flood zones");
            shelterId = row.getLong(1);
            lon = row.getDouble(2);
            lat = row.getDouble(3);
        }
        Map<String, Object> near = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/shelters/nearest?lon=" + lon + "&lat=" + lat + "&limit=1")), Map.class);
        Map<String, Object> first = ((List<Map<String, Object>>) near.get("shelters")).get(0);
        assertEquals(0, ((Number) first.get("distanceM")).intValue());
        assertTrue(Boolean.TRUE.equals(first.get("inHazardZone")));
        Map<String, Object> hazard = ((List<Map<String, Object>>) first.get("hazards")).get(0);
        assertEquals("FLOOD", hazard.get("hazardType"));
        assertTrue(hazard.get("label").toString().endsWith("未満") || hazard.get("label").toString().endsWith("以上"));

        Map<String, Object> avoiding = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/shelters/nearest?lon=" + lon + "&lat=" + lat + "&limit=5&avoidHazardType=FLOOD")), Map.class);
        List<Map<String, Object>> outside = (List<Map<String, Object>>) avoiding.get("shelters");
        assertEquals(5, outside.size());
        assertFalse(outside.stream().anyMatch(shelter -> ((Number) shelter.get("id")).longValue() == shelterId));
        assertTrue(outside.stream().noneMatch(shelter -> Boolean.TRUE.equals(shelter.get("inHazardZone"))
                && ((List<Map<String, Object>>) shelter.get("hazards")).stream().anyMatch(h -> "FLOOD".equals(h.get("hazardType")))));
    }

    @Test
    void anOfficerOfAnotherMunicipalityCannotAskFromAHouseholdTheyMayNotSee() {
        long id = households.living("43203", true, 130.7627, 32.2104).id();
        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(logins.asOfficerOf("43202", HttpRequest.GET("/api/households/" + id + "/shelters"))));
        assertEquals(404, refused.getStatus().getCode());
    }
}
