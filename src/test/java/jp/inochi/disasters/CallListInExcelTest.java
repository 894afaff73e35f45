package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.ExportedWorkbooks;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call list and the unreached list as .xlsx: the JSON list's households for the same viewer, typed cells, the
 * officer's scope (their consenting family only, no clinical column), and the CSV's audit entries.
 */
@MicronautTest(transactional = false)
class CallListInExcelTest {
    private static final String HITOYOSHI = "43203";
    private static final String YATSUSHIRO = "43202";
    static Long eventId;
    static Household consenting;
    static Household notConsenting;
    static Household yatsushiro;
    static Instant restoration;

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @BeforeEach
    void anEventOverTwoMunicipalitiesOnce() {
        if (eventId != null) {
            return;
        }
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        consenting = households.withGuardian(households.living(HITOYOSHI, true, 130.7627, 32.2104), "x-" + System.nanoTime() + "@example.jp");
        notConsenting = households.living(HITOYOSHI, false, 130.7630, 32.2110);
        yatsushiro = households.living(YATSUSHIRO, true, 130.6015, 32.5076);
        restoration = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> event = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events",
                Map.of("name", "Excel試験 停電 " + System.nanoTime(), "eventType", "HEAVY_RAIN",
                        "outageStartedAt", clock.instant().minus(Duration.ofHours(3)).toString(),
                        "expectedRestorationAt", restoration.toString(),
                        "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of(HITOYOSHI, YATSUSHIRO))))),
                Argument.mapOf(String.class, Object.class));
        eventId = ((Number) event.get("id")).longValue();
    }

    @Test
    void theCenterGetsTheJsonListsHouseholdsWithTheClinicalColumnAndTypedCells() {
        List<Long> json = ids(logins.as(Role.CENTER_STAFF, get("/call-list")));
        ExportedWorkbooks xlsx = ExportedWorkbooks.checked(exchange(logins.as(Role.CENTER_STAFF, get("/call-list?format=xlsx"))),
                json.size(), logins.user(Role.CENTER_STAFF).username());
        assertEquals(json, xlsx.householdIds(), "the same households in the call order");
        assertTrue(xlsx.headers().contains("人工呼吸器の使用（時間/日）"));
        int row = xlsx.householdRow(consenting.id());
        assertEquals(CellType.NUMERIC, xlsx.cell(row, "順位").getCellType());
        assertEquals(CellType.NUMERIC, xlsx.cell(row, "電源の残り（時間）").getCellType(), "hours are numbers");
        assertTrue(DateUtil.isCellDateFormatted(xlsx.cell(row, "復旧見込み（西暦）")));
        assertEquals(LocalDateTime.ofInstant(restoration, JapanTime.ZONE), xlsx.cell(row, "復旧見込み（西暦）").getLocalDateTimeCellValue());
        assertTrue(xlsx.cell(row, "復旧見込み（和暦）").getCellStyle().getDataFormatString().startsWith("[$-411]ggge"));
        assertTrue(xlsx.notes().contains("並び順: "), xlsx.notes());
    }

    @Test
    void anOfficersExportHoldsOnlyTheirMunicipalitysConsentingFamiliesWithoutClinicalDetail() {
        List<Long> json = ids(logins.asOfficerOf(HITOYOSHI, get("/call-list")));
        ExportedWorkbooks xlsx = ExportedWorkbooks.checked(exchange(logins.asOfficerOf(HITOYOSHI, get("/call-list")
                .accept(ExportedWorkbooks.XLSX))), json.size(), logins.user(Role.MUNICIPAL_OFFICER, HITOYOSHI, null).username());
        assertEquals(json, xlsx.householdIds());
        assertTrue(xlsx.householdIds().contains(consenting.id()));
        assertFalse(xlsx.householdIds().contains(notConsenting.id()), "no consent, no declaration");
        assertFalse(xlsx.householdIds().contains(yatsushiro.id()), "another municipality's family");
        assertFalse(xlsx.headers().contains("人工呼吸器の使用（時間/日）"), "no clinical column for a municipal office");
    }

    @Test
    void theUnreachedListInExcelIsTheJsonUnreachedList() {
        // once the safety check starts, the families that email can't reach are unreached
        Map<String, Object> start = Map.of("replyWithinMinutes", 180, "message", "電源の状況をお知らせください。");
        Map<?, ?> preview = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/disaster-events/" + eventId + "/safety-check/preview", start)), Map.class);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events/" + eventId
                + "/safety-check", SafetyCheckRequests.confirmed(start, preview))));
        List<Long> json = ids(logins.as(Role.CENTER_STAFF, get("/unreached")));
        ExportedWorkbooks xlsx = ExportedWorkbooks.checked(exchange(logins.as(Role.CENTER_STAFF, get("/unreached?format=xlsx"))),
                json.size(), logins.user(Role.CENTER_STAFF).username());
        assertEquals(json, xlsx.householdIds());
        assertTrue(json.containsAll(List.of(notConsenting.id(), yatsushiro.id())), "no email, unreached: " + json);
    }

    @Test
    void theXlsxWritesTheSameAuditEntriesAsTheCsv() {
        for (String list : List.of("call-list", "unreached")) {
            long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
            exchange(logins.asOfficerOf(HITOYOSHI, get("/" + list + "?format=csv")));
            long between = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
            exchange(logins.asOfficerOf(HITOYOSHI, get("/" + list + "?format=xlsx")));
            List<String> csv = exports(before, between, list, "csv");
            assertFalse(list.equals("call-list") && csv.isEmpty(), "the officer's family is exported");
            assertEquals(csv, exports(between, Long.MAX_VALUE, list, "xlsx"), list);
        }
    }

    private static List<String> exports(long after, long upTo, String list, String format) {
        return Sql.queryForStrings("SELECT household_id || ' ' || action || ' ' || basis || ' ' || actor_username FROM audit_log "
                + "WHERE id > ? AND id <= ? AND resource = ? ORDER BY household_id", after, upTo,
                "GET /api/disaster-events/{id}/" + list + "?format=" + format);
    }

    private static MutableHttpRequest<?> get(String path) {
        return HttpRequest.GET("/api/disaster-events/" + eventId + path);
    }

    private HttpResponse<byte[]> exchange(MutableHttpRequest<?> request) {
        return http.toBlocking().exchange(request, byte[].class);
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(MutableHttpRequest<?> request) {
        Map<String, Object> list = http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
        return ((List<Map<String, Object>>) list.getOrDefault("households", List.of())).stream()
                .map(row -> ((Number) row.get("householdId")).longValue()).toList();
    }
}
