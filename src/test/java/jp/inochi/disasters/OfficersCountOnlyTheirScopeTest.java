package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * An event over 人吉市 and 球磨村: 球磨村's officer is told only 球磨村's numbers, on the event (API and page), the list
 * of events, the safety check's counts and the timeline, never the event's total.
 */
@MicronautTest(transactional = false)
class OfficersCountOnlyTheirScopeTest {
    private static final String HITOYOSHI = "43203";
    private static final String KUMA = "43513";

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void kumasOfficerSeesOnlyKumasCountsOnEveryEventPageAndApi() throws Exception {
        households.living(HITOYOSHI, true, 130.7627, 32.2104);
        households.living(HITOYOSHI, true, 130.7630, 32.2110);
        households.living(KUMA, true);
        households.living(KUMA, false);
        Map<String, Object> event = call(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events", Map.of(
                "name", "範囲の件数 台風 " + System.nanoTime(), "eventType", "TYPHOON",
                "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of(HITOYOSHI, KUMA))))));
        long id = ((Number) event.get("id")).longValue();
        long total = ((Number) event.get("householdCount")).longValue();

        List<Map<String, Object>> kumaRows = (List<Map<String, Object>>) call(logins.asOfficerOf(KUMA,
                HttpRequest.GET("/api/disaster-events/" + id + "/call-list"))).get("households");
        long kumaSees = kumaRows.size();
        assertTrue(kumaRows.stream().allMatch(row -> KUMA.equals(row.get("municipalityCode"))), "only 球磨村's families");
        assertTrue(kumaSees >= 1 && kumaSees < total, kumaSees + " of " + total);

        assertEquals(kumaSees, count(call(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events/" + id)))));
        List<Map<String, Object>> listed = http.toBlocking().retrieve(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(kumaSees, count(listed.stream().filter(e -> ((Number) e.get("id")).longValue() == id).findFirst().orElseThrow()));
        assertEquals(total, count(call(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/disaster-events/" + id)))),
                "the center still sees the whole event");

        Map<String, Object> start = Map.of("replyWithinMinutes", 60);
        Map<String, Object> preview = call(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events/" + id
                + "/safety-check/preview", start)));
        call(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events/" + id + "/safety-check",
                SafetyCheckRequests.confirmed(start, preview))));
        Map<String, Object> campaign = call(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events/" + id + "/safety-check")));
        assertEquals(kumaSees, count(campaign, "households"));
        assertEquals(total, count(call(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/api/disaster-events/" + id + "/safety-check"))), "households"));

        String page = http.toBlocking().retrieve(logins.asOfficerOf(KUMA, HttpRequest.GET("/disasters/" + id)
                .accept("text/html")), String.class);
        assertTrue(page.contains("id=\"total\">" + kumaSees + "<"), "the page's total is 球磨村's");

        Map<String, Object> dashboard = call(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events/" + id + "/dashboard")));
        assertEquals(kumaSees, count(dashboard, "total"), "the dashboard API counts 球磨村's families");
        String map = http.toBlocking().retrieve(logins.asOfficerOf(KUMA,
                HttpRequest.GET("/api/disaster-events/" + id + "/map")), String.class);
        assertEquals(kumaSees, new ObjectMapper().readTree(map).get("features").size(), "the map shows 球磨村's families");
        Map<String, Object> unreached = call(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events/" + id + "/unreached")));
        assertTrue(count(unreached, "count") <= kumaSees, "the unreached list counts only 球磨村's families");
        assertTrue(((List<Map<String, Object>>) unreached.get("households")).stream()
                .allMatch(row -> KUMA.equals(row.get("municipalityCode"))), "only 球磨村's unreached families");
        for (String sheet : List.of("/call-list", "/unreached")) {
            String html = http.toBlocking().retrieve(logins.asOfficerOf(KUMA, HttpRequest.GET("/disasters/" + id + sheet)
                    .accept("text/html")), String.class);
            long shown = sheet.equals("/call-list") ? kumaSees : count(unreached, "count");
            assertTrue(html.contains("id=\"count\">" + shown + "<"), "the call sheet " + sheet + " counts 球磨村's families");
        }

        String timeline = http.toBlocking().retrieve(logins.asOfficerOf(KUMA, HttpRequest.GET("/api/disaster-events/" + id
                + "/timeline")), String.class);
        assertFalse(timeline.contains("対象 " + total + "世帯"), timeline);
        assertTrue(http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/disaster-events/" + id
                + "/timeline")), String.class).contains("対象 " + total + "世帯"));
    }

    private static long count(Map<String, Object> event) {
        return count(event, "householdCount");
    }

    private static long count(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }
}
