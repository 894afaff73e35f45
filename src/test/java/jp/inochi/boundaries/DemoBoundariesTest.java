package jp.inochi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import org.junit.jupiter.api.Test;

/**
 * The run command's demo boundaries (gis/demo/boundaries.geojson) go through the real importer after the demo
 * households exist, and their replacement places every home: a pin in 人吉市 is determined as 人吉市.
 */
@MicronautTest(transactional = false)
class DemoBoundariesTest {
    @Inject
    List<DemoDataSet> sets;
    @Inject
    TestHouseholds households;

    @Test
    void theDemoBoundariesLoadAfterTheHouseholdsAndPlaceAHomePinnedInHitoyoshiInHitoyoshi() throws Exception {
        Map<String, DemoDataSet> byName = sets.stream().collect(Collectors.toMap(DemoDataSet::name, set -> set));
        DemoDataSet boundaries = byName.get("boundaries");
        assertTrue(byName.get("households").order() < boundaries.order(), "households exist before they are placed");
        assertTrue(boundaries.order() < byName.get("loans").order());
        // saved straight into the table, as the demo households are: only the layer's replacement can place it
        long hitoyoshi = households.living("43203", true, 130.7627, 32.2104).id();

        String summary = boundaries.load(Path.of("gis/demo"));

        assertTrue(summary.startsWith("49 areas"), summary);
        assertEquals(1, Sql.queryForLong("""
                SELECT count(*) FROM geo_layer l JOIN geo_layer_version v ON v.id = l.current_version_id
                WHERE l.kind = 'BOUNDARY' AND l.name = ? AND v.status = 'CURRENT' AND v.credit = ?""",
                DemoBoundaries.LAYER, DemoBoundaries.CREDIT));
        assertEquals(1, Sql.queryForLong("""
                SELECT count(*) FROM household_place WHERE household_id = ? AND located_municipality_code = '43203'
                AND NOT mismatch""", hitoyoshi));
    }
}
