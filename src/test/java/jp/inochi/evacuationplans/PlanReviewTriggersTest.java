package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.households.Household;
import jp.inochi.inspections.Inspections;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanDeviceSwaps;
import jp.inochi.loans.model.RemovedDeviceGoesTo;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: each change in Inochi that a saved plan rests on marks it 見直しが必要 with its reason, through the event the
 * owning feature publishes (a move, a new hazard layer version that changes the home's exposure, a device handed over
 * or swapped, a failed yearly check). Each test fails if its trigger is removed.
 */
@MicronautTest(transactional = false)
class PlanReviewTriggersTest {
    private static final String FLOOD_LAYER = "計画試験 人吉・球磨 洪水";

    @Inject
    PlanSaving saving;
    @Inject
    EvacuationPlans plans;
    @Inject
    TestLogins logins;
    @Inject
    TestHouseholds households;
    @Inject
    TestLoans loans;
    @Inject
    LoanDeviceSwaps swaps;
    @Inject
    Devices devices;
    @Inject
    Inspections inspections;
    @Inject
    LayerImporter importer;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aMoveToANewAddressMarksThePlan見直しが必要() {
        Map<String, Object> form = register();
        long id = ((Number) form.get("id")).longValue();
        savePlan(id);
        form.put("address", "熊本県人吉市引越先町2-2");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        ReviewNote note = onlyReview(id);
        assertEquals(ReviewReason.MOVED, note.reason());
        assertEquals("住所が変わりました", note.detail());
    }

    @Test
    void aMoveToAnotherMunicipalityMarksThePlan見直しが必要WithTheNewLocation() {
        Map<String, Object> form = register();
        long id = ((Number) form.get("id")).longValue();
        savePlan(id);
        form.put("address", "熊本県八代市テスト町3-3");
        form.put("municipalityCode", "43202");
        form.put("longitude", 130.6017);
        form.put("latitude", 32.5071);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + id, form)), Map.class);
        ReviewNote note = onlyReview(id);
        assertEquals(ReviewReason.MOVED, note.reason());
        assertEquals("住所と自宅の位置が変わりました", note.detail());
    }

    @Test
    void aNewHazardLayerVersionThatChangesTheHomesExposureMarksThePlan見直しが必要AndOneThatDoesNotLeavesItAlone() throws Exception {
        importFloodLayer();
        double[] inZone = pointInFloodZone();
        // registered through the API, so the home's exposure is computed as for any family
        long changed = registeredAt(inZone);
        long unchanged = registeredAt(inZone);
        savePlan(changed);
        savePlan(unchanged);
        String floodNow = Sql.queryForText("""
                SELECT e FROM evacuation_plan_version v, unnest(v.home_exposure) e
                WHERE v.household_id = ? AND e LIKE 'FLOOD=%'""", changed);
        assertTrue(floodNow != null && !floodNow.equals("FLOOD=0.5m未満"), "the home is in a deeper flood zone: " + floodNow);
        // as if the first plan was saved under an earlier version of the layer that drew its home shallower
        Sql.update("UPDATE evacuation_plan_version SET home_exposure = ARRAY['FLOOD=0.5m未満'] WHERE household_id = ?",
                changed);

        importFloodLayer();

        ReviewNote note = onlyReview(changed);
        assertEquals(ReviewReason.HAZARD_CHANGED, note.reason());
        assertTrue(note.detail().startsWith("洪水: 0.5m未満 → " + floodNow.substring("FLOOD=".length())), note.detail());
        assertTrue(note.detail().contains("（区域図の版 "), note.detail());
        assertEquals(List.of(), reviews(unchanged), "the same exposure under the new version: no review");
    }

    @Test
    void aDeviceHandedOverMarksThePlan見直しが必要() {
        Household household = households.living("43203", true);
        savePlan(household.id());
        Loan loan = loans.loanStartedOn(household, today().minusDays(3));
        ReviewNote note = onlyReview(household.id());
        assertEquals(ReviewReason.DEVICE_CHANGED, note.reason());
        assertEquals("貸与 " + loan.id() + "・装置 " + loan.deviceId(), note.detail());
    }

    @Test
    void aDeviceSwapMarksThePlan見直しが必要() {
        Household household = households.living("43203", true);
        Loan loan = loans.loanStartedOn(household, today().minusDays(10));
        savePlan(household.id());
        assertEquals(List.of(), reviews(household.id()), "the saved plan already knows the handed-over device");
        String removedSerial = devices.get(loan.deviceId()).serialNumber();
        Device spare = loans.device();
        swaps.swap(loans.staff(), loan.id(), new LoanDeviceSwaps.DeviceSwap(spare.id(), null, RemovedDeviceGoesTo.IN_REPAIR,
                "試運転で停止", null));
        ReviewNote note = onlyReview(household.id());
        assertEquals(ReviewReason.DEVICE_CHANGED, note.reason());
        assertEquals("貸与 " + loan.id() + "・装置の交換 " + removedSerial + " → " + spare.serialNumber(), note.detail());
    }

    @Test
    void aFailedYearlyCheckMarksThePlan見直しが必要AndAPassedOneLeavesItAlone() {
        Household passed = households.living("43203", true);
        Loan passedLoan = loans.loanStartedOn(passed, today().minusMonths(11));
        Household failed = households.living("43203", true);
        Loan failedLoan = loans.loanStartedOn(failed, today().minusMonths(11));
        savePlan(passed.id());
        savePlan(failed.id());
        clock.setDate(today());
        Actor staff = loans.staff();
        inspections.record(staff, check(passedLoan, DeviceCondition.GOOD, true, "問題なし"));
        Inspections.Recorded recorded = inspections.record(staff, check(failedLoan, DeviceCondition.DAMAGED, false, "試運転で停止"));
        assertTrue(recorded.inspection().outcome() != InspectionOutcome.CONDITIONS_MET, "the check found a problem");

        ReviewNote note = onlyReview(failed.id());
        assertEquals(ReviewReason.CHECK_FAILED, note.reason());
        assertEquals(recorded.inspection().outcome().label(), note.detail());
        assertEquals(List.of(), reviews(passed.id()), "a check that met the conditions changes nothing");
    }

    private static Inspections.NewInspection check(Loan loan, DeviceCondition condition, boolean testRunPassed, String notes) {
        return new Inspections.NewInspection(loan.id(), today(), condition, testRunPassed, true, new BigDecimal("10"), true,
                true, notes, null);
    }

    private static LocalDate today() {
        return LocalDate.now(JapanTime.ZONE);
    }

    private long registeredAt(double[] point) {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        form.put("longitude", point[0]);
        form.put("latitude", point[1]);
        return ((Number) http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/households", form)),
                Map.class).get("id")).longValue();
    }

    private Map<String, Object> register() {
        Map<String, Object> form = HouseholdForms.hitoyoshi();
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", form)), Map.class);
        form.put("id", created.get("id"));
        form.put("version", created.get("version"));
        return form;
    }

    /** A first version saved by center staff today: no review is open after it. */
    private void savePlan(long householdId) {
        clock.setDate(today());
        saving.save(logins.viewer(Role.CENTER_STAFF), householdId, null, new PlanSaving.SaveCommand(
                new EvacuationPlan(null, null, null, null, null, null, null, null), List.of(), false), "test");
        assertEquals(List.of(), reviews(householdId));
    }

    private List<ReviewNote> reviews(long householdId) {
        return plans.load(logins.viewer(Role.CENTER_STAFF), householdId, "test").reviewReasons();
    }

    private ReviewNote onlyReview(long householdId) {
        List<ReviewNote> notes = reviews(householdId);
        assertEquals(1, notes.size(), notes.toString());
        return notes.get(0);
    }

    /** The real 人吉・球磨 flood subset, as a new version of the layer the plan API test imports too. */
    private void importFloodLayer() throws Exception {
        importer.importFiles(HazardImports.request(FLOOD_LAYER, HazardType.FLOOD, "国土数値情報 A31b", "CC BY 4.0", null),
                List.of(new InputFile(GeoData.file(GeoData.FLOOD_SUBSET), GeoData.FLOOD_SUBSET)), ImportProgress.NONE);
    }

    private static double[] pointInFloodZone() throws Exception {
        try (var connection = Sql.connect();
             ResultSet row = connection.createStatement().executeQuery("""
                     SELECT ST_X(p), ST_Y(p) FROM (
                         SELECT ST_PointOnSurface(z.geom) AS p FROM hazard_zone z
                         JOIN geo_layer l ON l.current_version_id = z.version_id AND l.hazard_type = 'FLOOD'
                         WHERE l.name = '計画試験 人吉・球磨 洪水'
                         ORDER BY z.geom <-> ST_SetSRID(ST_MakePoint(130.7627, 32.2104), 6668) LIMIT 1) x""")) {
            assertTrue(row.next(), "a flood zone near 人吉市の中心");
            return new double[] {row.getDouble(1), row.getDouble(2)};
        }
    }
}
