package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * Who sees what of a disaster event: center staff everything; a municipal officer the events covering their
 * municipality and in them only the families the access rule lets them see (those who consented; the others only
 * while a disaster declaration is active, which only a center admin opens, through the declarations feature), without
 * clinical detail, each read audited with its basis. Out of scope is 404.
 */
@MicronautTest(transactional = false)
class DisasterEventAccessTest {
    private static final String HITOYOSHI = "43203";
    private static final String YATSUSHIRO = "43202";
    private static final String UKI = "43213";

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerSeesTheirConsentingFamiliesThenTheOthersOnlyWhileTheAdminOpensMunicipalAccess() throws Exception {
        clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Household consenting = households.withGuardian(households.living(HITOYOSHI, true, 130.7627, 32.2104), "a-" + System.nanoTime() + "@example.jp");
        Household notConsenting = households.withGuardian(households.living(HITOYOSHI, false, 130.7630, 32.2110), "b-" + System.nanoTime() + "@example.jp");
        Household yatsushiro = households.living(YATSUSHIRO, true, 130.6015, 32.5076);
        Household elsewhere = households.living("43100", true);
        String name = "アクセス試験 大雨 " + System.nanoTime();
        Map<String, Object> event = call(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events", Map.of(
                "name", name, "eventType", "HEAVY_RAIN",
                "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of(HITOYOSHI, YATSUSHIRO))))));
        long id = ((Number) event.get("id")).longValue();

        // center staff: every family, with the clinical detail that orders the list
        List<Map<String, Object>> staffRows = rows(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/disaster-events/" + id + "/call-list")));
        assertTrue(ids(staffRows).containsAll(List.of(consenting.id(), notConsenting.id(), yatsushiro.id())));
        assertFalse(ids(staffRows).contains(elsewhere.id()));
        assertNotNull(row(staffRows, consenting.id()).get("clinical"));

        // the officer of 人吉市: their consenting family only, on the CONSENT basis, without clinical detail
        List<Map<String, Object>> officerRows = rows(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/disaster-events/" + id + "/call-list")));
        assertTrue(ids(officerRows).contains(consenting.id()));
        assertFalse(ids(officerRows).contains(notConsenting.id()), "no consent, no declaration");
        assertFalse(ids(officerRows).contains(yatsushiro.id()), "another municipality's family");
        assertTrue(officerRows.stream().allMatch(row -> !row.containsKey("clinical") || row.get("clinical") == null));
        assertEquals("CONSENT", row(officerRows, consenting.id()).get("basis"));
        assertEquals("CONSENT", Sql.queryForText("SELECT basis FROM audit_log WHERE household_id = ? AND resource = "
                + "'GET /api/disaster-events/{id}/call-list' AND actor_username = ? ORDER BY id DESC LIMIT 1", consenting.id(),
                logins.user(Role.MUNICIPAL_OFFICER, HITOYOSHI, null).username()));

        // an officer of a municipality the event does not cover: not found, not listed
        HttpClientResponseException notTheirs = Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf(UKI,
                HttpRequest.GET("/api/disaster-events/" + id))));
        assertEquals(HttpStatus.NOT_FOUND, notTheirs.getStatus());
        assertEquals(HttpStatus.NOT_FOUND, Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf(UKI,
                HttpRequest.GET("/api/disaster-events/" + id + "/call-list")))).getStatus());
        List<Map<String, Object>> ukiEvents = http.toBlocking().retrieve(logins.asOfficerOf(UKI, HttpRequest.GET("/api/disaster-events")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(ukiEvents.stream().noneMatch(found -> ((Number) found.get("id")).longValue() == id));

        // a phone call to a family the officer can't see, or that is not in the event, is "not found"
        for (long household : List.of(notConsenting.id(), yatsushiro.id(), elsewhere.id())) {
            HttpClientResponseException refused = Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf(HITOYOSHI,
                    HttpRequest.POST("/api/disaster-events/" + id + "/households/" + household + "/contacts",
                            Map.of("method", "PHONE", "outcome", "NO_ANSWER")))));
            assertEquals(HttpStatus.NOT_FOUND, refused.getStatus(), "household " + household);
        }

        // only a center admin opens municipal access; staff are refused and nothing is declared
        HttpClientResponseException staffRefused = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + id + "/municipal-access", Map.of("reason", "試験")))));
        assertEquals(HttpStatus.FORBIDDEN, staffRefused.getStatus());
        HttpClientResponseException staffDeclaring = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events", Map.of("name", name + " 2", "eventType", "HEAVY_RAIN",
                        "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of(HITOYOSHI)),
                        "municipalAccess", Map.of("reason", "試験"))))));
        assertEquals(HttpStatus.FORBIDDEN, staffDeclaring.getStatus());
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM disaster_event WHERE name = ?", name + " 2"));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM disaster_declaration WHERE reason LIKE ?", "%" + name + "%"));

        Map<String, Object> opened = call(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-events/" + id + "/municipal-access",
                Map.of("endsAt", Instant.now().plus(Duration.ofDays(2)).toString(), "reason", "大雨特別警報"))));
        long declaration = ((Number) opened.get("declarationId")).longValue();
        Map<String, Object> declared = call(logins.as(Role.CENTER_ADMIN, HttpRequest.GET("/api/disaster-declarations/" + declaration)));
        assertEquals("ACTIVE", declared.get("status"));
        List<Object> declaredCodes = ((List<Map<String, Object>>) declared.get("municipalities")).stream()
                .map(m -> m.get("code")).toList();
        assertTrue(declaredCodes.containsAll(List.of(YATSUSHIRO, HITOYOSHI)), declaredCodes.toString());
        assertEquals(EventMunicipalities.expected(id), declaredCodes, "the event's municipalities, those of every family it covers");
        assertTrue(declared.get("reason").toString().contains(name));
        assertEquals(HttpStatus.CONFLICT, Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/disaster-events/" + id + "/municipal-access", Map.of())))).getStatus());

        // while it is active, the officer also sees the family that did not consent, on the DECLARATION basis
        List<Map<String, Object>> declaredRows = rows(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/disaster-events/" + id + "/call-list")));
        assertEquals("DECLARATION", row(declaredRows, notConsenting.id()).get("basis"));
        assertEquals(declaration, Sql.queryForLong("SELECT declaration_id FROM audit_log WHERE household_id = ? AND basis = "
                + "'DECLARATION' AND resource = 'GET /api/disaster-events/{id}/call-list' ORDER BY id DESC LIMIT 1", notConsenting.id()));
        call(logins.asOfficerOf(HITOYOSHI, HttpRequest.POST("/api/disaster-events/" + id + "/households/" + notConsenting.id()
                + "/contacts", Map.of("method", "PHONE", "outcome", "REACHED", "reply", "SAFE_AT_HOME"))));

        // the admin's close ends the declaration with it: the family is out of the officer's sight again
        call(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-events/" + id + "/close", Map.of("reason", "警報解除"))));
        assertEquals("ENDED", call(logins.as(Role.CENTER_ADMIN, HttpRequest.GET("/api/disaster-declarations/" + declaration))).get("status"));
        assertFalse(ids(rows(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/disaster-events/" + id + "/call-list"))))
                .contains(notConsenting.id()));
        HttpClientResponseException afterClose = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + id + "/households/" + consenting.id() + "/contacts",
                        Map.of("method", "PHONE", "outcome", "NO_ANSWER")))));
        assertEquals(HttpStatus.CONFLICT, afterClose.getStatus(), "a closed event takes no more contacts");
        assertEquals(HttpStatus.CONFLICT, Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + id + "/close", Map.of("reason", "もう一度"))))).getStatus());
    }

    @Test
    void auditorsSeeTheEventsButNoFamilyOfThem() {
        Map<String, Object> event = call(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events", Map.of(
                "name", "監査試験 断水 " + System.nanoTime(), "eventType", "WATER_OUTAGE",
                "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of(HITOYOSHI))))));
        long id = ((Number) event.get("id")).longValue();
        assertEquals(id, ((Number) call(logins.as(Role.AUDITOR, HttpRequest.GET("/api/disaster-events/" + id))).get("id")).longValue());
        assertEquals(HttpStatus.FORBIDDEN, Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.AUDITOR,
                HttpRequest.GET("/api/disaster-events/" + id + "/call-list")))).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf(HITOYOSHI,
                HttpRequest.POST("/api/disaster-events/" + id + "/safety-check", Map.of())))).getStatus());
    }

    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(MutableHttpRequest<?> request) {
        return (List<Map<String, Object>>) call(request).get("households");
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> ((Number) row.get("householdId")).longValue()).toList();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, long id) {
        return rows.stream().filter(row -> ((Number) row.get("householdId")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("household " + id + " not listed"));
    }
}
