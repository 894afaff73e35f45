package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import org.junit.jupiter.api.Test;

/**
 * The run command's demo data for this feature: the synthetic zones and shelters of gis/demo go through the real
 * importer (the demo loader only logs a failing set, so it is run here directly), and homes by them are evaluated.
 */
@MicronautTest(transactional = false)
class DemoHazardDataTest {
    @Inject
    List<DemoDataSet> sets;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;

    @Test
    void theDemoZonesAndSheltersLoadAfterTheHouseholdsAndHomesByThemAreEvaluated() throws Exception {
        Map<String, DemoDataSet> byName = sets.stream().collect(Collectors.toMap(DemoDataSet::name, set -> set));
        assertEquals(30, byName.get("hazards-flood").order());
        assertEquals(31, byName.get("hazards-landslide").order());
        assertEquals(33, byName.get("shelters").order());
        assertTrue(byName.get("households").order() < 30, "households exist before their exposure is computed");
        for (String name : List.of("hazards-flood", "hazards-landslide", "shelters")) {
            String summary = byName.get(name).load(Path.of("gis/demo"));
            assertTrue(summary.matches("\\d+ .*"), summary);
        }
        assertEquals(4, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.name = 'デモ 球磨川 洪水浸水想定区域（想定最大規模）'"""));
        assertEquals(2, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.name = 'デモ 玉名 土砂災害警戒区域'"""));
        assertEquals(9, Sql.queryForLong("""
                SELECT count(*) FROM shelter s JOIN geo_layer l ON l.current_version_id = s.version_id
                WHERE l.name = 'デモ 避難所・福祉避難所候補'"""));
        assertEquals(3, Sql.queryForLong("""
                SELECT count(*) FROM shelter s JOIN geo_layer l ON l.current_version_id = s.version_id
                WHERE l.name = 'デモ 避難所・福祉避難所候補' AND s.welfare_candidate"""));

        long byTheRiver = households.living("43203", true, 130.75, 32.2154).id();
        long onTheHill = households.living("43206", true, 130.5740, 32.9380).id();
        exposures.recomputeHousehold(byTheRiver);
        exposures.recomputeHousehold(onTheHill);
        assertTrue(Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                JOIN household h ON ST_Intersects(z.geom, h.location)
                WHERE l.name = 'デモ 球磨川 洪水浸水想定区域（想定最大規模）' AND z.severity = 4 AND h.id = ?""", byTheRiver) == 1,
                "on the demo river line: in the deepest demo band");
        assertEquals(Sql.queryForLong("""
                SELECT max(z.severity) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                JOIN household h ON ST_Intersects(z.geom, h.location) WHERE l.hazard_type = 'FLOOD' AND h.id = ?""", byTheRiver),
                Sql.queryForLong("SELECT severity FROM household_hazard_exposure WHERE household_id = ? AND hazard_type = 'FLOOD'",
                        byTheRiver), "the highest of every flood layer there, demo or real");
        assertEquals("土砂災害特別警戒区域（レッド）", label(onTheHill, "LANDSLIDE"));
    }

    private static String label(long household, String type) throws Exception {
        try (var connection = Sql.connect();
             var row = connection.createStatement().executeQuery("SELECT severity_label FROM household_hazard_exposure WHERE household_id = "
                     + household + " AND hazard_type = '" + type + "'")) {
            row.next();
            return row.getString(1);
        }
    }
}
