package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real 玉名 steep-slope zone: a red special warning zone inside a yellow warning zone. */
@MicronautTest(transactional = false)
class LandslideAcceptanceTest {
    static final String LAYER = "受入試験 玉名 土砂災害警戒区域";
    static ImportReport imported;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;

    @BeforeEach
    void importTheZoneOnce() throws Exception {
        if (imported == null) {
            imported = importer.importFiles(HazardImports.request(LAYER, HazardType.LANDSLIDE, "国土交通省 Project PLATEAU（玉名市 2024）",
                    null, "国土交通省 Project PLATEAU"), List.of(new InputFile(GeoData.file(GeoData.TAMANA_LANDSLIDE),
                    GeoData.TAMANA_LANDSLIDE)), ImportProgress.NONE);
        }
    }

    private String[] exposureAt(String pointSql) throws Exception {
        double lon;
        double lat;
        try (Connection connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT ST_X(p), ST_Y(p) FROM (SELECT (" + pointSql.formatted(LAYER)
                     + ") AS p) s")) {
            row.next();
            lon = row.getDouble(1);
            lat = row.getDouble(2);
        }
        long id = households.living("43206", true, lon, lat).id();
        exposures.recomputeHousehold(id);
        try (Connection connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT status, coalesce(severity::text, ''), severity_label, "
                     + "coalesce(round(distance_m)::text, '') FROM household_hazard_exposure WHERE hazard_type = 'LANDSLIDE' AND household_id = " + id)) {
            row.next();
            return new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)};
        }
    }

    private static final String ZONE = "SELECT z.geom FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id "
            + "WHERE l.name = '%s' AND z.severity = ";

    @Test
    void theFileWithoutCrsIsReadAsRfc7946LongitudeLatitudeAndSaysSo() {
        assertEquals(2, imported.imported());
        assertEquals("EPSG:4326", imported.sourceCrs());
        assertTrue(imported.warnings().get(0).contains("RFC 7946"));
    }

    @Test
    void aHomeInsideTheRedZoneReportsRedNotYellow() throws Exception {
        String[] exposure = exposureAt("SELECT ST_PointOnSurface(geom) FROM (" + ZONE + "2) red");
        assertEquals("IN_ZONE", exposure[0]);
        assertEquals("2", exposure[1]);
        assertEquals("土砂災害特別警戒区域（レッド）", exposure[2]);
    }

    @Test
    void aHomeInTheYellowZoneOutsideTheRedReportsYellow() throws Exception {
        String[] exposure = exposureAt("SELECT ST_PointOnSurface(ST_Difference((" + ZONE + "1), (" + ZONE.replace("%s", "%1$s") + "2)))");
        assertEquals("IN_ZONE", exposure[0]);
        assertEquals("1", exposure[1]);
        assertEquals("土砂災害警戒区域（イエロー）", exposure[2]);
    }

    /** The easternmost point of the yellow zone, moved due east by the given metres: that far from the zone. */
    private static String eastOfTheZone(int metres) {
        return "SELECT ST_SetSRID(ST_Project(ST_SetSRID(p, 4326)::geography, " + metres + ", radians(90))::geometry, 6668) "
                + "FROM (SELECT d.geom AS p FROM (" + ZONE + "1) y, LATERAL ST_DumpPoints(y.geom) d ORDER BY ST_X(d.geom) DESC LIMIT 1) e";
    }

    @Test
    void aHomeThirtyMetresOutsideTheZoneIsReportedNear() throws Exception {
        String[] exposure = exposureAt(eastOfTheZone(30));
        assertEquals("NEAR", exposure[0]);
        assertEquals("", exposure[1], "no severity: the home is not in the zone");
        assertEquals("土砂災害警戒区域（イエロー）", exposure[2], "the zone it is near");
        int distance = Integer.parseInt(exposure[3]);
        assertTrue(distance >= 29 && distance <= 31, "about 30 m: " + distance);
    }

    @Test
    void aHomeTwoHundredMetresAwayIsNotDesignated() throws Exception {
        String[] exposure = exposureAt(eastOfTheZone(200));
        assertEquals("NOT_DESIGNATED", exposure[0]);
        assertEquals("指定なし", exposure[2]);
    }
}
