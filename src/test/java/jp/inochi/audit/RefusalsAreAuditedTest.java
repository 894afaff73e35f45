package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 16, finding 5: what a signed-in person is refused is in the audit log, one entry per user, route and minute. */
@MicronautTest(transactional = false)
class RefusalsAreAuditedTest {
    private static final String KUMAMOTO_CITY = "43100";
    private static final String YATSUSHIRO = "43202";
    private static final String HOUSEHOLD_ROUTE = "GET /api/households/{id}";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    MovableClock clock;

    /** Each test pins a minute of its own, days ahead, so their refusals never share an entry; then back to now. */
    @AfterEach
    void backToThePresent() {
        clock.set(Instant.now());
    }

    @Test
    void anOfficerReadingAnotherMunicipalitysHouseholdLeavesARefusalInTheAuditLog() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(400)));
        long household = households.living(KUMAMOTO_CITY, true).id();
        long officer = logins.user(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null).id();

        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.GET("/api/households/" + household)));

        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' AND actor_user_id = ?"
                + " AND resource = ? AND occurred_at = ? AND row_count = 1 AND client_address = '127.0.0.1'"
                + " AND detail = ?", officer, HOUSEHOLD_ROUTE, Timestamp.from(clock.instant()),
                "404 /api/households/" + household));
        Map<?, ?> found = client.toBlocking().retrieve(logins.as(Role.AUDITOR,
                HttpRequest.GET("/api/audit-log?action=REFUSED&userId=" + officer)), Map.class);
        List<?> entries = (List<?>) found.get("entries");
        assertTrue(!entries.isEmpty() && entries.stream().allMatch(entry -> "REFUSED".equals(((Map<?, ?>) entry).get("action"))),
                "the audit log's API filters the refusals: " + found);
        assertEquals("拒否", ((Map<?, ?>) entries.get(0)).get("actionLabel"));
    }

    @Test
    void aForbiddenActionIsAudited() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(401)));
        long officer = logins.user(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null).id();

        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.POST("/api/disaster-declarations",
                Map.of("municipalityCodes", List.of(YATSUSHIRO), "hazardType", "FLOOD", "reason", "権限のない発令"))));

        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' AND actor_user_id = ?"
                + " AND resource = 'POST /api/disaster-declarations' AND detail = '403 /api/disaster-declarations'"
                + " AND occurred_at = ?", officer, Timestamp.from(clock.instant())));
    }

    @Test
    void aFloodOfRefusalsWritesOneEntryPerMinuteWithItsCount() throws Exception {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(402));
        clock.set(minute);
        long household = households.living(KUMAMOTO_CITY, false).id();
        long officer = logins.user(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null).id();
        for (int probe = 0; probe < 40; probe++) {
            clock.set(minute.plusSeconds(probe));
            status(HttpRequest.GET("/api/households/" + (probe % 2 == 0 ? household : household + 1_000_000 + probe)));
        }
        clock.set(minute.plus(Duration.ofMinutes(1)));
        status(HttpRequest.GET("/api/households/" + household));

        String entries = "FROM audit_log WHERE action = 'REFUSED' AND actor_user_id = ? AND resource = ?"
                + " AND occurred_at >= ? AND occurred_at < ?";
        Timestamp from = Timestamp.from(minute);
        Timestamp to = Timestamp.from(minute.plus(Duration.ofMinutes(2)));
        assertEquals(2, Sql.queryForLong("SELECT count(*) " + entries, officer, HOUSEHOLD_ROUTE, from, to));
        assertEquals(40, Sql.queryForLong("SELECT row_count " + entries + " ORDER BY id LIMIT 1", officer, HOUSEHOLD_ROUTE, from, to));
        assertEquals(1, Sql.queryForLong("SELECT row_count " + entries + " ORDER BY id DESC LIMIT 1", officer, HOUSEHOLD_ROUTE, from, to));
    }

    @Test
    void onlyARefusalsCountCanChangeAndOnlyUpwards() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(403)));
        long household = households.living(KUMAMOTO_CITY, true).id();
        status(HttpRequest.GET("/api/households/" + household));
        String refusal = " WHERE action = 'REFUSED' AND detail = '404 /api/households/" + household + "'";
        for (String tampering : List.of("UPDATE audit_log SET actor_username = 'someone else'" + refusal,
                "UPDATE audit_log SET row_count = 0" + refusal, "DELETE FROM audit_log" + refusal)) {
            SQLException refused = assertThrows(SQLException.class, () -> Sql.update(tampering), tampering);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    private HttpStatus status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(logins.asOfficerOf(YATSUSHIRO, request))
                    .getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }
}
