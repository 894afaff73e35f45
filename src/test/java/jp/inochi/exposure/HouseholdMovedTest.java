package jp.inochi.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import jp.inochi.hazards.HazardImports;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.households.HouseholdMoved;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a home moves, its exposure follows: at once after the moving transaction commits, or by the sweep. 錦町 is ours. */
@MicronautTest(transactional = false)
class HouseholdMovedTest {
    static final double LON = 130.8400;
    static final double LAT = 32.2000;
    static boolean imported;

    @TempDir
    static Path temp;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;
    @Inject
    ApplicationEventPublisher<HouseholdMoved> events;
    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void aZoneOnce() throws Exception {
        if (imported) {
            return;
        }
        double h = 0.0008;
        Path zone = Files.writeString(temp.resolve("nishiki.geojson"), String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"depth_rank\":4},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],"
                + "[%f,%f],[%f,%f]]]}}]}", LON - h, LAT - h, LON + h, LAT - h, LON + h, LAT + h, LON - h, LAT + h, LON - h, LAT - h));
        importer.importFiles(HazardImports.request("移転試験 錦 洪水", HazardType.FLOOD, "試験", null, null),
                List.of(new InputFile(zone, "nishiki.geojson")), ImportProgress.NONE);
        imported = true;
    }

    private static String flood(long household) throws Exception {
        try (var connection = Sql.connect();
             var row = connection.createStatement().executeQuery("SELECT status || ':' || severity_label FROM household_hazard_exposure "
                     + "WHERE hazard_type = 'FLOOD' AND household_id = " + household)) {
            return row.next() ? row.getString(1) : "none";
        }
    }

    @Test
    void aMovePublishedOutsideATransactionIsEvaluatedAtOnce() throws Exception {
        long id = households.living("43501", true, LON, LAT).id();
        exposures.recomputeHousehold(id);
        assertEquals("IN_ZONE:5.0m以上10.0m未満", flood(id));
        Sql.update("UPDATE household SET longitude = ?, latitude = ? WHERE id = ?", LON + 0.01, LAT, id);
        events.publishEvent(new HouseholdMoved(id, "43", "43", true));
        assertEquals("NOT_DESIGNATED:指定なし", flood(id));
    }

    @Test
    void aMovePublishedInsideTheMovingTransactionIsEvaluatedAfterItsCommit() throws Exception {
        long id = households.living("43501", true, LON + 0.01, LAT).id();
        exposures.recomputeHousehold(id);
        assertEquals("NOT_DESIGNATED:指定なし", flood(id));
        transactions.executeWrite(status -> {
            try (var update = status.getConnection().prepareStatement("UPDATE household SET longitude = ?, latitude = ? WHERE id = ?")) {
                update.setDouble(1, LON);
                update.setDouble(2, LAT);
                update.setLong(3, id);
                update.executeUpdate();
            }
            events.publishEvent(new HouseholdMoved(id, "43", "43", true));
            return null;
        });
        assertEquals("IN_ZONE:5.0m以上10.0m未満", flood(id));
    }

    @Test
    void aMoveWithoutAnyEventIsCaughtByTheSweep() throws Exception {
        long id = households.living("43501", true, LON, LAT).id();
        exposures.recomputeHousehold(id);
        Sql.update("UPDATE household SET longitude = ?, latitude = ? WHERE id = ?", LON + 0.02, LAT, id);
        assertEquals("IN_ZONE:5.0m以上10.0m未満", flood(id), "stale until the sweep");
        exposures.refreshStale();
        assertEquals("NOT_DESIGNATED:指定なし", flood(id));
    }

    @Test
    void aHomeWhoseLocationIsRemovedLosesItsExposureRatherThanKeepingAnOldOne() throws Exception {
        long id = households.living("43501", true, LON, LAT).id();
        exposures.recomputeHousehold(id);
        Sql.update("UPDATE household SET longitude = NULL, latitude = NULL WHERE id = ?", id);
        events.publishEvent(new HouseholdMoved(id, "43", "43", true));
        assertEquals("none", flood(id));
    }
}
