package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditEntry;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DisasterDeclarationTest {
    private static final String YATSUSHIRO = "43202";
    private static final String HITOYOSHI = "43203";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Inject
    TestHouseholds households;

    @Inject
    HouseholdDirectory directory;

    @Inject
    AuditEntryRepository audit;

    @Inject
    Declarations declarations;

    @Inject
    MovableClock clock;

    @Test
    void aNonConsentingHouseholdIsInvisibleBeforeVisibleDuringAndInvisibleAfterADeclarationEachViewAuditedWithItsBasis() {
        Household silent = households.living(YATSUSHIRO, false);
        Household consenting = households.living(YATSUSHIRO, true);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        Instant start = Instant.parse("2030-07-01T00:00:00Z");
        clock.set(start.minus(Duration.ofHours(2)));
        long id = declare(List.of(YATSUSHIRO), start, start.plus(Duration.ofDays(3)));

        clock.set(start.minus(Duration.ofMinutes(1)));
        assertThrows(NotFoundException.class, () -> directory.read(officer, silent.id(), "GET /api/households/{id}"), "before");
        assertEquals(AccessBasis.CONSENT, directory.read(officer, consenting.id(), "GET /api/households/{id}").basis());

        clock.set(start.plus(Duration.ofHours(1)));
        assertEquals(AccessBasis.DECLARATION, directory.read(officer, silent.id(), "GET /api/households/{id}").basis());
        assertEquals(AccessBasis.CONSENT, directory.read(officer, consenting.id(), "GET /api/households/{id}").basis(),
                "consent stays the basis where there is consent");

        clock.set(start.plus(Duration.ofDays(3)));
        assertThrows(NotFoundException.class, () -> directory.read(officer, silent.id(), "GET /api/households/{id}"),
                "ends by itself at its end time");

        List<AuditEntry> silentViews = audit.findByHouseholdIdOrderByIdAsc(silent.id());
        assertEquals(1, silentViews.size(), "only the one view that happened is logged");
        assertEquals(AccessBasis.DECLARATION, silentViews.get(0).basis());
        assertEquals(id, silentViews.get(0).declarationId(), "the entry names the declaration that opened the access");
        assertEquals(officer.userId(), silentViews.get(0).actorUserId());
        List<AuditEntry> consentingViews = audit.findByHouseholdIdOrderByIdAsc(consenting.id());
        assertEquals(List.of(AccessBasis.CONSENT, AccessBasis.CONSENT), consentingViews.stream().map(AuditEntry::basis).toList());
        assertTrue(consentingViews.stream().allMatch(entry -> entry.declarationId() == null));
    }

    @Test
    void endingEarlyClosesTheAccessAtOnceAndEndingTwiceIsAnIllegalTransition() throws Exception {
        Household silent = households.living(YATSUSHIRO, false);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        Instant now = Instant.parse("2030-08-01T00:00:00Z");
        clock.set(now);
        long id = declare(List.of(YATSUSHIRO), now, now.plus(Duration.ofDays(2)));
        assertTrue(directory.find(officer, silent.id()).isPresent());

        Map<?, ?> ended = client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/disaster-declarations/" + id + "/end", Map.of("reason", "避難指示解除"))), Map.class);
        assertEquals("ENDED", ended.get("status"));
        assertTrue(directory.find(officer, silent.id()).isEmpty());
        var again = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/disaster-declarations/" + id + "/end", Map.of("reason", "二重操作")))));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'END' AND declaration_id = ?"
                + " AND detail LIKE '%避難指示解除%'", id));
    }

    @Test
    void extendingKeepsTheAccessOpenPastTheOldEndAndIsLogged() throws Exception {
        Household silent = households.living(YATSUSHIRO, false);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        Instant now = Instant.parse("2030-09-01T00:00:00Z");
        clock.set(now);
        long id = declare(List.of(YATSUSHIRO), now, now.plus(Duration.ofDays(1)));
        client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-declarations/" + id + "/extend",
                Map.of("endsAt", now.plus(Duration.ofDays(5)).toString(), "reason", "大雨特別警報の継続"))), Map.class);
        clock.set(now.plus(Duration.ofDays(3)));
        assertTrue(directory.find(officer, silent.id()).isPresent());
        clock.set(now.plus(Duration.ofDays(5)));
        assertTrue(directory.find(officer, silent.id()).isEmpty());
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'EXTEND' AND declaration_id = ?", id));
        var late = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN,
                HttpRequest.POST("/api/disaster-declarations/" + id + "/extend",
                        Map.of("endsAt", now.plus(Duration.ofDays(9)).toString(), "reason", "遅すぎる延長")))));
        assertEquals(HttpStatus.CONFLICT, late.getStatus(), "an ended declaration is declared anew, not extended");
    }

    @Test
    void aDeclarationThatRanOutIsRecordedAsEndedByTheService() throws Exception {
        Instant now = Instant.parse("2030-10-01T00:00:00Z");
        clock.set(now);
        long id = declare(List.of(HITOYOSHI), now, now.plus(Duration.ofHours(6)));
        clock.set(now.plus(Duration.ofHours(7)));
        declarations.recordRunOut();
        assertEquals(0, declarations.recordRunOut(), "recorded once");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'END' AND declaration_id = ?"
                + " AND actor_username = 'system'", id));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM disaster_declaration WHERE id = ? AND ended_at = ends_at", id));
    }

    @Test
    void aDeclarationOpensOnlyItsOwnMunicipalitiesAndOnlyTheOfficersWardIn熊本市() {
        Household hitoyoshi = households.living(HITOYOSHI, false);
        Household chuo = households.living("43100", false);
        Instant now = Instant.parse("2030-11-01T00:00:00Z");
        clock.set(now);
        declare(List.of(YATSUSHIRO, "43100"), now, now.plus(Duration.ofDays(1)));
        assertTrue(directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, HITOYOSHI, null), hitoyoshi.id()).isEmpty());
        assertTrue(directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null), hitoyoshi.id()).isEmpty());
        assertTrue(directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, "43100", "43101"), chuo.id()).isPresent());
        assertTrue(directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, "43100", "43105"), chuo.id()).isEmpty());
        assertTrue(directory.find(logins.viewer(Role.AUDITOR), chuo.id()).isEmpty());
    }

    @Test
    void onlyCenterAdminsDeclareAndOfficersSeeOnlyTheirMunicipalitysDeclarations() {
        Instant now = Instant.parse("2030-12-01T00:00:00Z");
        clock.set(now);
        long id = declare(List.of(YATSUSHIRO), now, now.plus(Duration.ofDays(1)));
        Map<String, Object> body = Map.of("municipalityCodes", List.of(HITOYOSHI), "hazardType", "FLOOD",
                "reason", "テスト", "endsAt", now.plus(Duration.ofDays(1)).toString());
        for (Role role : new Role[] {Role.CENTER_STAFF, Role.AUDITOR}) {
            assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .retrieve(logins.as(role, HttpRequest.POST("/api/disaster-declarations", body)))).getStatus());
        }
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(logins.asOfficerOf(YATSUSHIRO, HttpRequest.POST("/api/disaster-declarations", body)))).getStatus());

        String hitoyoshiList = client.toBlocking().retrieve(logins.asOfficerOf(HITOYOSHI,
                HttpRequest.GET("/api/disaster-declarations")), String.class);
        assertFalse(hitoyoshiList.contains("\"id\":" + id + ","), hitoyoshiList);
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(logins.asOfficerOf(HITOYOSHI, HttpRequest.GET("/api/disaster-declarations/" + id)))).getStatus());
        Map<?, ?> own = client.toBlocking().retrieve(logins.asOfficerOf(YATSUSHIRO,
                HttpRequest.GET("/api/disaster-declarations/" + id)), Map.class);
        assertEquals("発令中", own.get("statusLabel"));
        assertEquals("令和12年12月1日（2030年12月1日） 09:00", own.get("startsAtLabel"));
    }

    @Test
    void wardsUnknownCodesBackDatingAndEndlessPeriodsAreRefusedFieldByField() {
        Instant now = Instant.parse("2031-01-10T00:00:00Z");
        clock.set(now);
        assertEquals(List.of("municipalityCodes", "municipalityCodes"), refusedFields(Map.of(
                "municipalityCodes", List.of("43101", "99999"), "hazardType", "FLOOD", "reason", "テスト",
                "endsAt", now.plus(Duration.ofDays(1)).toString())));
        assertEquals(List.of("startsAt"), refusedFields(Map.of("municipalityCodes", List.of(YATSUSHIRO), "hazardType", "FLOOD",
                "reason", "遡及", "startsAt", now.minus(Duration.ofDays(1)).toString(), "endsAt", now.plus(Duration.ofDays(1)).toString())));
        assertEquals(List.of("endsAt"), refusedFields(Map.of("municipalityCodes", List.of(YATSUSHIRO), "hazardType", "FLOOD",
                "reason", "無期限", "endsAt", now.plus(Duration.ofDays(365)).toString())));
        assertEquals(List.of("endsAt"), refusedFields(Map.of("municipalityCodes", List.of(YATSUSHIRO), "hazardType", "FLOOD",
                "reason", "逆順", "endsAt", now.minus(Duration.ofHours(1)).toString())));
    }

    private List<Object> refusedFields(Map<String, Object> body) {
        var refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-declarations", body))));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        List<?> errors = (List<?>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors");
        return errors.stream().map(error -> ((Map<?, ?>) error).get("field")).map(Object.class::cast).toList();
    }

    private long declare(List<String> municipalities, Instant start, Instant end) {
        Map<?, ?> declared = client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-declarations",
                Map.of("municipalityCodes", municipalities, "hazardType", "FLOOD", "reason", "令和X年7月豪雨",
                        "startsAt", start.toString(), "endsAt", end.toString()))), Map.class);
        return ((Number) declared.get("id")).longValue();
    }
}
