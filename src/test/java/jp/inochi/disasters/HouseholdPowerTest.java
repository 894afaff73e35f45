package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.households.Household;
import jp.inochi.inspections.Inspections;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLoans;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * A household's power autonomy from its recorded inputs (the loans view's generator and the fuel of the latest yearly
 * check, the batteries, other sources), flagged under 72 hours and under the outage a running event expects where it
 * lives; other sources kept by center staff; coordinators shown on the call list. Scoped and audited.
 */
@MicronautTest(transactional = false)
class HouseholdPowerTest {
    @Inject
    TestHouseholds households;
    @Inject
    TestLoans loans;
    @Inject
    Inspections inspections;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void autonomyAddsTheBatteriesTheGeneratorsFuelAndOtherSourcesAndIsFlaggedAgainstTheEventsExpectedOutage() throws Exception {
        Household household = households.living("43203", false, 130.7650, 32.2120);
        Loan loan = loans.loanStartedOn(household, LocalDate.of(2026, 2, 2));
        clock.setDate(LocalDate.of(2026, 7, 1));
        inspections.record(Actor.of(logins.viewer(Role.CENTER_STAFF)), new Inspections.NewInspection(loan.id(),
                LocalDate.of(2026, 7, 1), DeviceCondition.GOOD, true, true, new BigDecimal("18.0"), true, true, null, null));
        List<Map<String, Object>> sources = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.PUT(
                "/api/households/" + household.id() + "/power-sources", Map.of("sources", List.of(
                        Map.of("kind", "VEHICLE", "description", "給電できるミニバン", "hours", 12),
                        Map.of("kind", "PORTABLE_BATTERY", "hours", 3.5))))), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(2, sources.size());

        // test household: 6.0 h battery, 1 spare × 4.0 h; generator 8 h per 3.6 L tank × 18 L = 40 h; others 15.5 h
        Map<String, Object> autonomy = get(Role.CENTER_STAFF, "/api/households/" + household.id() + "/power-autonomy");
        Map<String, Object> result = (Map<String, Object>) autonomy.get("autonomy");
        assertEquals(new BigDecimal("65.5"), new BigDecimal(result.get("totalHours").toString()));
        assertEquals(new BigDecimal("40.0"), new BigDecimal(result.get("generatorHours").toString()));
        assertEquals(List.of("UNDER_72_HOURS"), autonomy.get("flags"));
        assertEquals(List.of(), autonomy.getOrDefault("events", List.of()), "no running event covers it yet");

        // a power outage over 人吉市 expected to last 96 hours, 10 hours in
        clock.set(Instant.now());
        Instant outage = clock.instant().minus(Duration.ofHours(10));
        Map<String, Object> event = post(Role.CENTER_STAFF, "/api/disaster-events", Map.of("name", "電源試験 停電 " + System.nanoTime(),
                "eventType", "POWER_OUTAGE", "outageStartedAt", outage.toString(),
                "expectedRestorationAt", outage.plus(Duration.ofHours(96)).toString(),
                "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of("43203"))));
        long id = ((Number) event.get("id")).longValue();
        Map<String, Object> during = get(Role.CENTER_STAFF, "/api/households/" + household.id() + "/power-autonomy");
        Map<String, Object> inEvent = ((List<Map<String, Object>>) during.get("events")).stream()
                .filter(e -> ((Number) e.get("eventId")).longValue() == id).findFirst().orElseThrow();
        assertEquals(96.0, ((Number) inEvent.get("expectedOutageHours")).doubleValue(), 0.001);
        assertEquals(new BigDecimal("55.5"), new BigDecimal(inEvent.get("remainingHours").toString()));
        assertEquals(List.of("UNDER_72_HOURS", "UNDER_EXPECTED_OUTAGE"), inEvent.get("flags"));

        // power comes back sooner in 人吉市 than elsewhere: the municipality's own estimate counts for its families
        post(Role.CENTER_STAFF, "/api/disaster-events/" + id + "/outage", Map.of("outageStartedAt", outage.toString(),
                "expectedRestorationAt", outage.plus(Duration.ofHours(96)).toString(),
                "byMunicipality", List.of(Map.of("municipalityCode", "43203", "expectedAt", outage.plus(Duration.ofHours(30)).toString()))));
        Map<String, Object> sooner = ((List<Map<String, Object>>) get(Role.CENTER_STAFF, "/api/households/" + household.id()
                + "/power-autonomy").get("events")).stream().filter(e -> ((Number) e.get("eventId")).longValue() == id)
                .findFirst().orElseThrow();
        assertEquals(List.of("UNDER_72_HOURS"), sooner.get("flags"));
        Map<String, Object> row = ((List<Map<String, Object>>) get(Role.CENTER_STAFF, "/api/disaster-events/" + id + "/call-list")
                .get("households")).stream().filter(r -> ((Number) r.get("householdId")).longValue() == household.id())
                .findFirst().orElseThrow();
        assertEquals(30.0, ((Number) ((Map<String, Object>) row.get("power")).get("expectedOutageHours")).doubleValue(), 0.001);
        assertEquals(new BigDecimal("55.5"), new BigDecimal(((Map<String, Object>) row.get("power")).get("remainingHours").toString()));

        // scoped: this family did not consent, so the officer of 人吉市 may not see it (no declaration); audited reads
        assertEquals(HttpStatus.NOT_FOUND, Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/households/" + household.id() + "/power-autonomy")))).getStatus());
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND resource = "
                + "'GET /api/households/{householdId}/power-autonomy'", household.id()) >= 3);
    }

    @Test
    void badOtherSourcesAreRefusedAndTheOnesRecordedStay() throws Exception {
        Household household = households.living("43203", true, 130.7660, 32.2130);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + household.id() + "/power-sources",
                Map.of("sources", List.of(Map.of("kind", "SOLAR", "hours", 5))))));
        for (Object bad : List.of(List.of(Map.of("kind", "SOLAR", "hours", 0)), List.of(Map.of("kind", "SOLAR", "hours", 5000)),
                List.of(Map.of("kind", "WIND", "hours", 2)), List.of(Map.of("hours", 2)))) {
            HttpClientResponseException refused = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                    HttpRequest.PUT("/api/households/" + household.id() + "/power-sources", Map.of("sources", bad)))));
            assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), String.valueOf(bad));
        }
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM household_power_source WHERE household_id = ?", household.id()));
        assertEquals(HttpStatus.FORBIDDEN, Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.PUT("/api/households/" + household.id() + "/power-sources", Map.of("sources", List.of()))))).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHouseholdsOwnCoordinatorComesBeforeTheMunicipalitysPrimaryContact() throws Exception {
        Household own = households.living("43212", true, 130.4721, 32.5637);
        Household other = households.living("43212", true, 130.4725, 32.5640);
        Map<String, Object> primary = post(Role.CENTER_STAFF, "/api/care-coordinators", Map.of("municipalityCode", "43212",
                "name", "天草 一郎", "primaryContact", true, "phone", "0969-00-0000"));
        Map<String, Object> newer = post(Role.CENTER_STAFF, "/api/care-coordinators", Map.of("municipalityCode", "43212",
                "name", "天草 二郎", "primaryContact", true));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM care_coordinator WHERE municipality_code = '43212' "
                + "AND primary_contact AND active"), "one primary contact per municipality");
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.PUT("/api/households/" + own.id() + "/coordinator",
                Map.of("coordinatorId", primary.get("id")))));
        Map<String, Object> event = post(Role.CENTER_STAFF, "/api/disaster-events", Map.of("name", "調整員試験 " + System.nanoTime(),
                "eventType", "EARTHQUAKE", "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of("43212"))));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) get(Role.CENTER_STAFF,
                "/api/disaster-events/" + event.get("id") + "/call-list").get("households");
        assertEquals("天草 一郎", coordinator(rows, own.id()).get("name"));
        assertEquals(true, coordinator(rows, own.id()).get("assignedToHousehold"));
        assertEquals("天草 二郎", coordinator(rows, other.id()).get("name"), "the municipality's primary contact");
        assertEquals(HttpStatus.NOT_FOUND, Problems.refused(() -> http.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/care-coordinators/" + newer.get("id"))))).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/care-coordinators", Map.of("municipalityCode", "99999", "name", "誰か"))))).getStatus());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> coordinator(List<Map<String, Object>> rows, long household) {
        return (Map<String, Object>) rows.stream().filter(r -> ((Number) r.get("householdId")).longValue() == household)
                .findFirst().orElseThrow().get("coordinator");
    }

    private Map<String, Object> get(Role role, String path) {
        return http.toBlocking().retrieve(logins.as(role, HttpRequest.GET(path)), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> post(Role role, String path, Object body) {
        return http.toBlocking().retrieve(logins.as(role, HttpRequest.POST(path, body)), Argument.mapOf(String.class, Object.class));
    }
}
