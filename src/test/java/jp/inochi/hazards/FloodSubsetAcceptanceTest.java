package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.inochi.access.Role;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the real 人吉/球磨 flood subset: homes at jittered 町字 points and inside zones are evaluated
 * by the service, and the result must equal an independent ST_Intersects over the unsubdivided zones.
 */
@MicronautTest(transactional = false)
class FloodSubsetAcceptanceTest {
    static final String LAYER = "受入試験 人吉・球磨 洪水浸水想定区域";
    static ImportReport imported;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient client;

    @BeforeEach
    void importTheSubsetOnce() throws Exception {
        if (imported == null) {
            imported = importer.importFiles(HazardImports.request(LAYER, HazardType.FLOOD, "国土数値情報 A31b（令和5年度）", "CC BY 4.0",
                            "「国土数値情報（洪水浸水想定区域データ）」（国土交通省）を加工して作成"),
                    List.of(new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET)), ImportProgress.NONE);
        }
    }

    @Test
    void theSubsetIsImportedWholeWithItsRepairReported() {
        assertEquals(1100, imported.featureCount());
        assertEquals(1100, imported.imported());
        assertTrue(imported.partCount() >= 1100);
        assertTrue(imported.repaired().stream().allMatch(entry -> entry.reason().startsWith("不正な図形を修復しました")));
    }

    @Test
    void exposureOfEveryHomeAgreesWithAnIndependentStIntersectsOverTheSameZones() throws Exception {
        List<Long> ids = new ArrayList<>();
        Random random = new Random(43203);
        for (JsonNode point : new ObjectMapper().readTree(GeoData.file(GeoData.MACHIAZA_POINTS).toFile()).get("features")) {
            String code = point.at("/properties/muni_code5").asText();
            if (code.equals("43203") || code.equals("43513")) {
                for (int copy = 0; copy < 3; copy++) {
                    ids.add(households.living(code, true, point.at("/geometry/coordinates/0").asDouble() + random.nextGaussian() * 0.002,
                            point.at("/geometry/coordinates/1").asDouble() + random.nextGaussian() * 0.002).id());
                }
            }
        }
        try (Connection connection = Sql.connect();
             ResultSet inside = connection.createStatement().executeQuery("""
                     SELECT ST_X(ST_PointOnSurface(z.geom)), ST_Y(ST_PointOnSurface(z.geom))
                     FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                     WHERE l.name = '%s' ORDER BY z.feature_index LIMIT 150""".formatted(LAYER))) {
            while (inside.next()) {
                ids.add(households.living("43203", true, inside.getDouble(1), inside.getDouble(2)).id());
            }
        }
        exposures.refreshStale();

        Map<Long, Integer> byService = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        Map<Long, Integer> independently = new HashMap<>();
        try (Connection connection = Sql.connect()) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT household_id, status, severity, severity_label FROM household_hazard_exposure "
                            + "WHERE hazard_type = 'FLOOD' AND household_id = ANY (?)")) {
                select.setArray(1, array);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byService.put(row.getLong(1), row.getString(2).equals("IN_ZONE") ? row.getInt(3) : 0);
                        labels.put(row.getLong(1), row.getString(4));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT h.id, max(z.severity)
                    FROM household h
                    JOIN hazard_zone z ON ST_Intersects(z.geom, h.location)
                    JOIN geo_layer l ON l.current_version_id = z.version_id AND l.kind = 'HAZARD' AND l.hazard_type = 'FLOOD'
                    WHERE h.id = ANY (?) GROUP BY h.id""")) {
                select.setArray(1, array);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        independently.put(row.getLong(1), row.getInt(2));
                    }
                }
            }
        }
        assertEquals(ids.size(), byService.size(), "every home was evaluated");
        long inZone = byService.values().stream().filter(severity -> severity > 0).count();
        assertEquals(independently.size(), inZone, "homes in a zone: service vs independent ST_Intersects");
        assertTrue(inZone >= 150 && inZone < ids.size() - 100, "both homes in zones and outside them: " + inZone + " of " + ids.size());
        for (Long id : ids) {
            assertEquals(independently.getOrDefault(id, 0), byService.get(id), "highest severity of household " + id);
            if (!independently.containsKey(id)) {
                assertEquals("指定なし", labels.get(id));
            }
        }
    }

    @Test
    void aHomeInAThreeToFiveMetreZoneShowsThatLabelAndItsLayerVersion() throws Exception {
        double[] point = pointWhereHighestRankIs(3);
        long id = households.living("43203", true, point[0], point[1]).id();
        exposures.recomputeHousehold(id);
        Map<?, ?> flood = floodExposure(id);
        assertEquals("IN_ZONE", flood.get("status"));
        assertEquals(3, ((Number) flood.get("severity")).intValue());
        assertEquals("3.0m以上5.0m未満", flood.get("label"));
        assertEquals("#FFB7B7", flood.get("colour"));
        assertEquals(imported.versionId(), ((Number) flood.get("layerVersionId")).longValue());
        assertTrue(flood.get("evaluatedAt") != null);
    }

    @Test
    void aHomeJustOutsideEveryZoneIsNotDesignatedAndNeverCalledSafe() throws Exception {
        double[] point;
        try (Connection connection = Sql.connect();
             ResultSet east = connection.createStatement().executeQuery("""
                     SELECT ST_X(p) + 0.00003, ST_Y(p) FROM (
                         SELECT (ST_DumpPoints(z.geom)).geom AS p
                         FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id WHERE l.name = '%s') v
                     ORDER BY ST_X(p) DESC LIMIT 1""".formatted(LAYER))) {
            east.next();
            point = new double[] {east.getDouble(1), east.getDouble(2)};
        }
        assertEquals(0, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.hazard_type = 'FLOOD' AND ST_Intersects(z.geom, ST_SetSRID(ST_MakePoint(?, ?), 6668))""", point[0], point[1]));
        assertTrue(Sql.queryForLong("""
                SELECT min(ST_Distance(z.geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 6668)::geography))::bigint
                FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id WHERE l.name = ?""",
                point[0], point[1], LAYER) < 5, "the point is within a few metres of the zone");
        long id = households.living("43203", true, point[0], point[1]).id();
        exposures.recomputeHousehold(id);
        Map<?, ?> response = client.toBlocking().retrieve(
                logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/households/" + id + "/exposure")), Map.class);
        Map<?, ?> flood = (Map<?, ?>) ((List<?>) response.get("exposures")).get(0);
        assertEquals("NOT_DESIGNATED", flood.get("status"));
        assertEquals("指定なし", flood.get("label"));
        assertEquals("指定なし", flood.get("statusLabel"));
        assertTrue(response.get("notice").toString().contains("安全という意味ではありません"));
        String body = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/households/" + id + "/exposure")));
        assertFalse(body.contains("SAFE") || body.contains("\"安全\""), body);
    }

    private double[] pointWhereHighestRankIs(int rank) throws Exception {
        try (Connection connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("""
                     SELECT ST_X(p), ST_Y(p) FROM (
                         SELECT ST_PointOnSurface(z.geom) AS p FROM hazard_zone z
                         JOIN geo_layer l ON l.current_version_id = z.version_id
                         WHERE l.name = '%s' AND z.severity = %d) c
                     WHERE NOT EXISTS (SELECT 1 FROM hazard_zone o JOIN geo_layer l ON l.current_version_id = o.version_id
                                       WHERE l.hazard_type = 'FLOOD' AND o.severity > %d AND ST_Intersects(o.geom, c.p))
                     LIMIT 1""".formatted(LAYER, rank, rank))) {
            row.next();
            return new double[] {row.getDouble(1), row.getDouble(2)};
        }
    }

    private Map<?, ?> floodExposure(long id) {
        Map<?, ?> response = client.toBlocking().retrieve(
                logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/households/" + id + "/exposure")), Map.class);
        return (Map<?, ?>) ((List<?>) response.get("exposures")).get(0);
    }
}
