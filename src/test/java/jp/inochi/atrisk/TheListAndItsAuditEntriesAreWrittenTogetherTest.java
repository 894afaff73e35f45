package jp.inochi.atrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list's statement writes its audit entries (要配慮個人情報): one entry per household shown, in the order shown,
 * each with its basis; and when the entries cannot be written, no list is returned. 荒尾市, which no other test uses.
 */
@MicronautTest(transactional = false)
class TheListAndItsAuditEntriesAreWrittenTogetherTest {
    static final String ARAO = "43204";
    static final double LON = 130.440;
    static final double LAT = 32.985;
    static List<Long> homes;

    @TempDir
    static Path temp;

    @Inject
    AtRiskList atRisk;
    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;

    @BeforeEach
    void placeThreeHomesInAFloodZoneOnce() throws Exception {
        if (homes != null) {
            return;
        }
        homes = List.of(households.living(ARAO, true, LON, LAT).id(),
                households.living(ARAO, true, LON + 0.01, LAT, false).id(),
                households.living(ARAO, true, LON + 0.02, LAT).id());
        Path flood = Files.writeString(temp.resolve("arao_flood.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[" + String.join(",",
                AtRiskListTest.square(LON, LAT, "{\"depth_rank\":2}"), AtRiskListTest.square(LON + 0.01, LAT, "{\"depth_rank\":5}"),
                AtRiskListTest.square(LON + 0.02, LAT, "{\"depth_rank\":4}")) + "]}");
        importer.importFiles(HazardImports.request("監査一体試験 荒尾 洪水", HazardType.FLOOD, "試験用の区域", null, null),
                List.of(new InputFile(flood, "arao_flood.geojson")), ImportProgress.NONE);
    }

    @Test
    void aListCallWritesExactlyOneReadEntryPerHouseholdShownInTheOrderShownWithItsBasis() throws Exception {
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, ARAO, null);
        String resource = "GET /test/at-risk/" + System.nanoTime();
        AtRiskList.Result result = atRisk.list(officer, ARAO, AtRiskFilter.everything(), false, resource);

        List<Long> shown = result.households().stream().map(AtRiskHousehold::id).filter(homes::contains).toList();
        // ventilator users first, the deeper zone first; the household without a ventilator last
        assertEquals(List.of(homes.get(2), homes.get(0), homes.get(1)), shown);
        assertEquals(result.count(), Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ?", resource));
        List<String> audited = Sql.queryForStrings("SELECT household_id::text FROM audit_log WHERE resource = ? ORDER BY id", resource);
        assertEquals(result.households().stream().map(household -> String.valueOf(household.id())).toList(), audited);
        assertEquals(result.count(), Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'READ'"
                + " AND basis = 'CONSENT' AND subject_type = 'household' AND subject_id = household_id::text"
                + " AND row_count IS NULL AND declaration_id IS NULL AND actor_user_id = ? AND actor_role = 'MUNICIPAL_OFFICER'",
                resource, officer.userId()));
        assertEquals(1, Sql.queryForLong("SELECT count(DISTINCT occurred_at) FROM audit_log WHERE resource = ?", resource));
    }

    @Test
    void anExportCarriesItsRowCountOnEveryEntryAndAnEmptyExportIsStillLogged() throws Exception {
        Viewer staff = logins.viewer(Role.CENTER_STAFF);
        String resource = "GET /test/at-risk/export/" + System.nanoTime();
        AtRiskList.Result result = atRisk.list(staff, ARAO, AtRiskFilter.everything(), true, resource);
        assertEquals(result.count(), Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'EXPORT'"
                + " AND basis = 'CENTER' AND row_count = ?", resource, result.count()));

        String nobody = resource + "/nobody";
        AtRiskList.Result empty = atRisk.list(staff, ARAO, new AtRiskFilter(HazardType.TSUNAMI, 1, true, null), true, nobody);
        assertEquals(0, empty.count());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'EXPORT'"
                + " AND row_count = 0 AND household_id IS NULL", nobody));
    }

    @Test
    void whenTheAuditEntriesCannotBeWrittenNoListIsReturnedAndNothingIsWritten() throws Exception {
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, ARAO, null);
        // actor_username is NOT NULL: the entries' INSERT fails inside the list's own statement
        Viewer unnamed = new Viewer(officer.userId(), null, officer.displayName(), officer.role(),
                officer.municipalityCode(), officer.wardCode(), officer.clientAddress());
        String resource = "GET /test/at-risk/unaudited/" + System.nanoTime();
        Exception refused = assertThrows(Exception.class,
                () -> atRisk.list(unnamed, ARAO, AtRiskFilter.everything(), false, resource));
        assertTrue(String.valueOf(refused.getMessage()).contains("actor_username"), refused.toString());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ?", resource));
    }
}
