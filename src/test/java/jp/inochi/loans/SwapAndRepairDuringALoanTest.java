package jp.inochi.loans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.devices.Devices;
import jp.inochi.devices.FuelType;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** Swap and repair while a loan runs, over the API: the loan keeps its dates, both devices keep their story. */
@MicronautTest(transactional = false)
class SwapAndRepairDuringALoanTest {
    private static final LocalDate START = LocalDate.of(2026, 4, 10);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans testLoans;

    @Inject
    Devices devices;

    @Inject
    MovableClock clock;

    private Map<?, ?> post(String path, Object body) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(path, body)), Map.class);
    }

    private Map<?, ?> put(String path, Object body) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.PUT(path, body)), Map.class);
    }

    private List<Map> list(String path) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(path)), Argument.listOf(Map.class));
    }

    private static List<Object> actions(List<Map> events) {
        return events.stream().map(e -> e.get("action")).toList();
    }

    private Map<String, Object> failedCheck(long loanId, LocalDate on) {
        Map<String, Object> check = new HashMap<>(Map.of("loanId", loanId, "inspectedOn", on.toString(),
                "deviceCondition", "DAMAGED", "testRunPassed", false, "fuelStoredSafely", true,
                "fuelStoredLitres", 10, "childUsesVentilatorAroundClock", true, "familyLivesInPrefecture", true));
        return check;
    }

    @Test
    void handOverFailedCheckSwapRepairCostAndTermEndTellTheWholeStory() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        long oldDevice = loan.deviceId();
        long newDevice = testLoans.device().id();
        String l = "/api/loans/" + loan.id();

        clock.setDate(START.plusMonths(11));
        Map<?, ?> check = post("/api/inspections", failedCheck(loan.id(), START.plusMonths(11)));
        assertEquals("FOLLOW_UP_NEEDED", ((Map<?, ?>) check.get("inspection")).get("outcome"));

        clock.setDate(START.plusMonths(11).plusDays(3));
        Map<?, ?> swapped = post(l + "/swap-device", Map.of("deviceId", newDevice, "removedGoesTo", "IN_REPAIR",
                "reason", "年次確認で試運転が不良"));
        assertEquals(newDevice, ((Number) swapped.get("deviceId")).longValue());
        assertEquals("ACTIVE", swapped.get("state"));
        assertEquals(loan.maxEndDate().toString(), swapped.get("maxEndDate"));
        assertEquals(loan.planDeadline().toString(), swapped.get("planDeadline"));
        assertEquals("IN_REPAIR", Sql.queryForText("SELECT state FROM device WHERE id = ?", oldDevice));
        assertEquals("ON_LOAN", Sql.queryForText("SELECT state FROM device WHERE id = ?", newDevice));

        List<Map> repairs = list(l + "/repairs");
        assertEquals(1, repairs.size());
        long repairId = ((Number) repairs.get(0).get("id")).longValue();

        clock.setDate(START.plusMonths(12));
        Map<String, Object> done = new HashMap<>(Map.of("reason", "キャブレター交換", "costYen", 18000,
                "familyLiable", false));
        post("/api/devices/" + oldDevice + "/finish-repair", done);
        assertEquals("AVAILABLE", Sql.queryForText("SELECT state FROM device WHERE id = ?", oldDevice));
        Map<?, ?> corrected = put("/api/devices/" + oldDevice + "/repairs/" + repairId + "/cost",
                Map.of("costYen", 21600, "familyLiable", true, "liabilityNote", "燃料の誤給油（軽油）による故障"));
        assertEquals(21600, ((Number) corrected.get("costYen")).intValue());
        assertEquals(true, corrected.get("familyLiable"));
        assertEquals(START.plusMonths(12).toString(), corrected.get("finishedOn"));

        clock.setDate(loan.maxEndDate());
        assertEquals("RETURN_OPEN", post(l + "/return", Map.of("reason", "TERM_ENDED")).get("state"));
        post(l + "/receive-device", Map.of("condition", "GOOD"));
        assertEquals("ENDED", post(l + "/complete-return", Map.of("deviceGoesTo", "AVAILABLE")).get("state"));
        assertEquals("AVAILABLE", Sql.queryForText("SELECT state FROM device WHERE id = ?", newDevice));

        assertEquals(List.of("register", "reserve", "lend", "swap-out", "send-to-repair", "finish-repair", "record-cost",
                        "record-cost"), actions(list("/api/devices/" + oldDevice + "/history")));
        assertEquals(List.of("register", "swap-in", "receive-return", "pass-inspection"),
                actions(list("/api/devices/" + newDevice + "/history")));
        List<Object> timeline = actions(list(l + "/timeline"));
        List<Object> loanSteps = timeline.subList(timeline.indexOf("record"), timeline.size());
        assertEquals(List.of("record", "record-inspection", "open-follow-up", "bring-check-forward", "swap-out", "send-to-repair", "swap-in", "swap-device", "finish-repair",
                "record-cost", "record-cost", "open-return", "receive-return", "receive-device", "pass-inspection", "complete-return"),
                loanSteps, timeline.toString());
    }

    @Test
    void swapKeepsTheLoanDatesAndDeadlines() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        long spare = testLoans.device().id();
        clock.setDate(START.plusMonths(3));
        post("/api/loans/" + loan.id() + "/swap-device", Map.of("deviceId", spare, "removedGoesTo", "IN_INSPECTION",
                "reason", "異音"));
        assertEquals(loan.startDate() + " " + loan.maxEndDate() + " " + loan.planDeadline() + " " + loan.nextCheckDue(),
                Sql.queryForText("SELECT start_date || ' ' || max_end_date || ' ' || plan_deadline || ' ' || next_check_due "
                        + "FROM loan WHERE id = ?", loan.id()));
        assertEquals("IN_INSPECTION", Sql.queryForText("SELECT state FROM device WHERE id = ?", loan.deviceId()));
        Map<?, ?> oldDevice = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/devices/" + loan.deviceId())), Map.class);
        assertEquals(List.of("pass-inspection", "send-to-repair", "retire"), oldDevice.get("allowedActions"),
                "a device swapped out is inspected on its own page");
    }

    @Test
    void swapToADeviceThatIsLentIsRefusedWith409InJapanese() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        Loan other = testLoans.loanStartedOn(START);
        var refused = Problems.refused(() -> post("/api/loans/" + loan.id() + "/swap-device",
                Map.of("deviceId", other.deviceId(), "removedGoesTo", "IN_INSPECTION", "reason", "故障")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(Problems.body(refused).get("detail").toString().contains("「貸与中」のため、交換先にできません"),
                Problems.body(refused).toString());
        assertEquals(loan.deviceId(), Sql.queryForLong("SELECT device_id FROM loan WHERE id = ?", loan.id()));
    }

    @Test
    void swapToADeviceThatIsNotSineWaveIsRefusedWith409() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        long squareWave = devices.register(testLoans.staff(), new Devices.DeviceDetails("SQ-" + loan.id(), "テスト",
                "矩形波", 900, false, FuelType.GASOLINE, new BigDecimal("2.0"), new BigDecimal("4.0"),
                LocalDate.of(2025, 1, 10), null, null, null)).id();
        var refused = Problems.refused(() -> post("/api/loans/" + loan.id() + "/swap-device",
                Map.of("deviceId", squareWave, "removedGoesTo", "IN_INSPECTION", "reason", "故障")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(Problems.body(refused).get("detail").toString().contains("正弦波"), Problems.body(refused).toString());
        assertEquals("AVAILABLE", Sql.queryForText("SELECT state FROM device WHERE id = ?", squareWave));
    }

    @Test
    void finishingTheRepairOfADeviceNotInRepairIsRefusedWith409() throws Exception {
        long device = testLoans.device().id();
        var refused = Problems.refused(() -> post("/api/devices/" + device + "/finish-repair", Map.of("reason", "誤操作")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(Problems.body(refused).get("detail").toString().contains("「修理完了」は行えません"));
    }

    @Test
    void theFamilyBearsARepairOnlyWithAReasonWritten() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        long spare = testLoans.device().id();
        clock.setDate(START.plusDays(20));
        post("/api/loans/" + loan.id() + "/swap-device", Map.of("deviceId", spare, "removedGoesTo", "IN_REPAIR",
                "reason", "落下による破損"));
        long repairId = ((Number) list("/api/loans/" + loan.id() + "/repairs").get(0).get("id")).longValue();
        var refused = Problems.refused(() -> put("/api/devices/" + loan.deviceId() + "/repairs/" + repairId + "/cost",
                Map.of("costYen", 5000, "familyLiable", true)));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(Problems.fieldErrors(refused).containsKey("liabilityNote"));
        assertEquals(false, Sql.queryForText("SELECT family_liable::text FROM device_repair WHERE id = ?", repairId)
                .equals("true"));
    }

    @Test
    void finishingARepairWithoutACostKeepsTheCostRecordedWhileTheDeviceWasAway() throws Exception {
        Loan loan = testLoans.loanStartedOn(START);
        long spare = testLoans.device().id();
        clock.setDate(START.plusDays(30));
        post("/api/loans/" + loan.id() + "/swap-device", Map.of("deviceId", spare, "removedGoesTo", "IN_REPAIR",
                "reason", "落下による破損"));
        long repairId = ((Number) list("/api/loans/" + loan.id() + "/repairs").get(0).get("id")).longValue();
        put("/api/devices/" + loan.deviceId() + "/repairs/" + repairId + "/cost",
                Map.of("costYen", 7000, "familyLiable", true, "liabilityNote", "落下（ご家族の申告）"));
        post("/api/devices/" + loan.deviceId() + "/finish-repair", Map.of("reason", "外装を交換", "familyLiable", false));
        assertEquals("7000 true 落下（ご家族の申告） AVAILABLE", Sql.queryForText("SELECT r.cost_yen || ' ' || r.family_liable "
                + "|| ' ' || r.liability_note || ' ' || d.state FROM device_repair r JOIN device d ON d.id = r.device_id "
                + "WHERE r.id = ?", repairId));
    }
}
