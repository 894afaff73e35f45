package jp.inochi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real N03 boundaries give every home its municipality from its location, and flag a stated one that differs. */
@MicronautTest(transactional = false)
class MunicipalBoundariesTest {
    static ImportReport municipalities;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdPlaces places;
    @Inject
    Uploads uploads;

    @BeforeEach
    void importTheFortyFiveMunicipalitiesOnce() throws Exception {
        if (municipalities == null) {
            municipalities = importer.importFiles(ImportRequest.of(LayerKind.BOUNDARY, "受入試験 N03 45市町村", "国土数値情報 N03（2020）",
                            "CC BY-SA 4.0", "『歴史的行政区域データセットβ版』（CODH作成）; 「国土数値情報（行政区域データ）」（国土交通省）"),
                    List.of(new InputFile(GeoData.file(GeoData.MUNICIPALITIES_45), GeoData.MUNICIPALITIES_45)), ImportProgress.NONE);
        }
    }

    private static String place(long household) throws Exception {
        try (var connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT coalesce(located_municipality_code, '-') || '/' "
                     + "|| coalesce(located_ward_code, '-') || '/' || coalesce(mismatch_reason, 'OK') FROM household_place "
                     + "WHERE household_id = " + household)) {
            return row.next() ? row.getString(1) : "none";
        }
    }

    @Test
    void allFortyFiveMunicipalitiesAreImported() throws Exception {
        assertEquals(45, municipalities.imported());
        assertEquals(45, Sql.queryForLong("""
                SELECT count(DISTINCT a.municipality_code) FROM admin_area a
                JOIN geo_layer_version v ON v.id = a.version_id AND v.status = 'CURRENT' WHERE v.id = ?""", municipalities.versionId()));
    }

    @Test
    void aHomeInHitoyoshiStatedAsHitoyoshiIsPlacedThereWithoutMismatch() throws Exception {
        long id = households.living("43203", true, 130.7627, 32.2104).id();
        places.recomputeHousehold(id);
        assertTrue(place(id).startsWith("43203/"), place(id));
        assertTrue(place(id).endsWith("/OK"), place(id));
    }

    @Test
    void aHomeStatedAsKumaVillageButLocatedInHitoyoshiIsFlagged() throws Exception {
        long id = households.living("43513", true, 130.7627, 32.2104).id();
        places.recomputeHousehold(id);
        assertTrue(place(id).startsWith("43203/") && place(id).endsWith("/MUNICIPALITY"), place(id));
    }

    @Test
    void aHomeAtSeaIsOutsideEveryArea() throws Exception {
        long id = households.living("43215", true, 129.9, 32.0).id();
        places.recomputeHousehold(id);
        assertEquals("-/-/OUTSIDE", place(id));
    }

    @Test
    void everyPlacedHomeAgreesWithAnIndependentStIntersects() throws Exception {
        for (double[] point : new double[][] {{130.60, 32.50}, {130.56, 32.93}, {130.72, 32.79}, {130.69, 32.25}, {130.19, 32.46}}) {
            places.recomputeHousehold(households.living("43202", true, point[0], point[1]).id());
        }
        assertEquals(0, Sql.queryForLong("""
                SELECT count(*) FROM household_place p JOIN household h ON h.id = p.household_id
                WHERE p.located_municipality_code IS DISTINCT FROM (
                    SELECT a.municipality_code FROM admin_area a JOIN geo_layer l ON l.current_version_id = a.version_id
                    WHERE l.kind = 'BOUNDARY' AND ST_Intersects(a.geom, h.location) ORDER BY a.municipality_code = h.municipality_code DESC LIMIT 1)"""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWardLayerUploadedWithN03FieldNamesFlagsAHomeInAnotherWard() throws Exception {
        Map<String, Object> job = uploads.importAndAwait("/api/boundary-layers", Map.of("name", "受入試験 N03 熊本市の区（簡略版）",
                "source", "smartnews-smri/japan-topography", "credit", "「国土数値情報（行政区域データ）」（国土交通省）を加工"),
                GeoData.file("kumamoto_admin_n03_2021_simplified1pct_smri.geojson"));
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        assertEquals("N03_007", ((Map<String, Object>) job.get("report")).get("fieldsUsed"));
        // 熊本市南区, stated as 中央区 (TestHouseholds states 43101 for 熊本市)
        long id = households.living("43100", true, 130.6900, 32.7400).id();
        places.recomputeHousehold(id);
        assertEquals("43100/43104/WARD", place(id));
    }
}
