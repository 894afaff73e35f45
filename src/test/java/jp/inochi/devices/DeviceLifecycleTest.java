package jp.inochi.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.loans.Loan;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DeviceLifecycleTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestLogins logins;

    @Inject
    TestLoans testLoans;

    @Inject
    MovableClock clock;

    private static Map<String, Object> device(String serial) {
        Map<String, Object> device = new HashMap<>();
        device.put("serialNumber", serial);
        device.put("manufacturer", "テスト発電機製作所");
        device.put("model", "SW-1600i");
        device.put("ratedOutputWatts", 1600);
        device.put("sineWave", true);
        device.put("fuelType", "GASOLINE");
        device.put("tankLitres", 3.6);
        device.put("runtimeHoursPerTank", 7.5);
        device.put("purchaseDate", "2025-09-01");
        return device;
    }

    private Map<?, ?> post(String path, Object body) {
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(path, body)), Map.class);
    }

    @Test
    void aDeviceIsRegisteredAvailableWithItsTankAndRuntimeAndStaffCanRepairAndRetireIt() {
        clock.setDate(LocalDate.of(2026, 2, 1));
        Map<?, ?> created = post("/api/devices", device("D-" + System.nanoTime()));
        assertEquals("AVAILABLE", created.get("state"));
        assertEquals(7.5, ((Number) created.get("runtimeHoursPerTank")).doubleValue());
        assertEquals(List.of("send-to-repair", "retire"), created.get("allowedActions"));
        String path = "/api/devices/" + created.get("id");
        assertEquals("IN_REPAIR", post(path + "/send-to-repair", Map.of("reason", "定期点検でキャブレター清掃")).get("state"));
        assertEquals("AVAILABLE", post(path + "/finish-repair", Map.of("reason", "清掃完了")).get("state"));
        assertEquals("RETIRED", post(path + "/retire", Map.of("reason", "耐用年数経過")).get("state"));
        var refused = Problems.refused(() -> post(path + "/finish-repair", Map.of("reason", "誤操作")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals("RETIRED", Problems.body(refused).get("currentState"));
        assertEquals(List.of(), Problems.body(refused).get("allowedActions"));
        List<?> history = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(path + "/history")),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(4, history.size());
    }

    @Test
    void aDeviceOnLoanCannotBeSentToRepairOrRetiredFromTheInventory() {
        Loan loan = testLoans.loanStartedOn(LocalDate.of(2026, 2, 2));
        var refused = Problems.refused(() -> post("/api/devices/" + loan.deviceId() + "/retire", Map.of("reason", "廃棄")));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals("ON_LOAN", Problems.body(refused).get("currentState"));
        assertEquals("「貸与中」の装置に「廃棄」は行えません。行える操作: なし", Problems.body(refused).get("detail"));
        assertEquals(List.of(), Problems.body(refused).get("allowedActions"), "returns happen through the loan, not here");
    }

    @Test
    void aDuplicateSerialIs409AndBadValuesAre400PerField() {
        clock.setDate(LocalDate.of(2026, 2, 1));
        String serial = "D-" + System.nanoTime();
        post("/api/devices", device(serial));
        var duplicate = Problems.refused(() -> post("/api/devices", device(serial)));
        assertEquals(HttpStatus.CONFLICT, duplicate.getStatus());

        Map<String, Object> bad = device("D-" + System.nanoTime());
        bad.put("purchaseDate", "2026-02-02");
        bad.put("tankLitres", 0);
        bad.remove("sineWave");
        var invalid = Problems.refused(() -> post("/api/devices", bad));
        assertEquals(HttpStatus.BAD_REQUEST, invalid.getStatus());
        Map<String, String> errors = Problems.fieldErrors(invalid);
        assertEquals("0.1以上の値を入力してください", errors.get("tankLitres"));
        assertEquals("入力してください", errors.get("sineWave"));

        Map<String, Object> future = device("D-" + System.nanoTime());
        future.put("purchaseDate", "2026-02-02");
        assertTrue(Problems.fieldErrors(Problems.refused(() -> post("/api/devices", future))).get("purchaseDate")
                .startsWith("未来の日付"));
    }

    @Test
    void aCorrectionKeepsTheStateAndNeedsTheCurrentVersion() {
        clock.setDate(LocalDate.of(2026, 2, 1));
        Map<String, Object> form = device("D-" + System.nanoTime());
        Map<?, ?> created = post("/api/devices", form);
        form.put("runtimeHoursPerTank", 6.0);
        form.put("version", created.get("version"));
        Map<?, ?> corrected = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.PUT("/api/devices/" + created.get("id"), form)), Map.class);
        assertEquals(6.0, ((Number) corrected.get("runtimeHoursPerTank")).doubleValue());
        var stale = Problems.refused(() -> http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.PUT("/api/devices/" + created.get("id"), form)), Map.class));
        assertEquals(HttpStatus.CONFLICT, stale.getStatus());
    }
}
