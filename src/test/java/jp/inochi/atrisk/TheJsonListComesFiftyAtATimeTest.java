package jp.inochi.atrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.inochi.access.Role;
import jp.inochi.hazards.HazardImports;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the JSON list comes 50 households a page (web.Pager's rule), each page audited for exactly the households
 * it shows, while the files stay whole. 山江村, where no other test places homes: 55 homes in five flood zones.
 */
@MicronautTest(transactional = false)
class TheJsonListComesFiftyAtATimeTest {
    static final String YAMAE = "43512";
    static final double LON = 130.762;
    static final double LAT = 32.262;
    static List<Long> homes;

    @TempDir
    static Path temp;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    AtRiskList atRisk;
    @Inject
    @Client("/")
    HttpClient client;

    @BeforeEach
    void placeFiftyFiveHomesInFiveZonesOnce() throws Exception {
        if (homes != null) {
            return;
        }
        List<Long> placed = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (int zone = 0; zone < 5; zone++) {
            double lon = LON + zone * 0.01;
            zones.add(AtRiskListTest.square(lon, LAT, "{\"depth_rank\":" + (zone + 1) + "}"));
            for (int i = 0; i < 11; i++) {
                placed.add(households.living(YAMAE, true, lon + (i - 5) * 0.00005, LAT, i % 3 == 0).id());
            }
        }
        Path flood = Files.writeString(temp.resolve("yamae_flood.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[" + String.join(",", zones) + "]}");
        importer.importFiles(HazardImports.request("ページ試験 山江 洪水", HazardType.FLOOD, "試験用の区域", null, null),
                List.of(new InputFile(flood, "yamae_flood.geojson")), ImportProgress.NONE);
        homes = List.copyOf(placed);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String query) {
        return client.toBlocking().retrieve(logins.asOfficerOf(YAMAE,
                HttpRequest.GET("/api/municipalities/" + YAMAE + "/at-risk" + query)), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("households")).stream()
                .map(household -> ((Number) household.get("id")).longValue()).toList();
    }

    private static long lastAuditId() {
        return Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
    }

    /** The households audited after {@code before} by the JSON list's resource, in the order written. */
    private static List<Long> auditedSince(long before) {
        String ours = homes.stream().map(String::valueOf).collect(Collectors.joining(","));
        return Sql.queryForStrings("SELECT household_id::text FROM audit_log WHERE id > ? AND resource = ? AND household_id IN ("
                + ours + ") ORDER BY id", before, AtRiskController.RESOURCE).stream().map(Long::valueOf).toList();
    }

    @Test
    void theSecondPageHoldsTheNextFiftyInTheListsOrder() {
        List<Long> whole = atRisk.list(logins.viewer(Role.MUNICIPAL_OFFICER, YAMAE, null), YAMAE, AtRiskFilter.everything(),
                false, "GET /test/at-risk/whole/" + System.nanoTime()).households().stream().map(AtRiskHousehold::id).toList();
        assertEquals(55, whole.size());

        Map<String, Object> first = page("");
        Map<String, Object> second = page("?page=2");
        assertEquals(whole.subList(0, 50), ids(first), "the first page is the list's first 50");
        assertEquals(whole.subList(50, 55), ids(second), "the second page holds the next ones, in order");
        assertEquals(List.of(55, 50, 1, 50, true), List.of(first.get("total"), first.get("count"), first.get("page"),
                first.get("pageSize"), first.get("hasNext")));
        assertEquals(List.of(55, 5, 2, 50, false), List.of(second.get("total"), second.get("count"), second.get("page"),
                second.get("pageSize"), second.get("hasNext")));
        assertTrue(whole.subList(0, 50).stream().noneMatch(ids(second)::contains), "no household on both pages");
    }

    @Test
    void eachPageAuditsExactlyTheHouseholdsItShowsInTheOrderShown() {
        long beforeFirst = lastAuditId();
        List<Long> first = ids(page("?page=1"));
        assertEquals(first, auditedSince(beforeFirst));
        long beforeSecond = lastAuditId();
        List<Long> second = ids(page("?page=2"));
        assertEquals(second, auditedSince(beforeSecond), "the second page's entries are its 5 households, nothing else");
    }

    @Test
    void aPagePastTheEndShowsTheLastPageAndAuditsThatOnly() {
        long before = lastAuditId();
        Map<String, Object> past = page("?page=9");
        assertEquals(2, past.get("page"));
        assertEquals(5, ids(past).size());
        assertEquals(ids(past), auditedSince(before));
    }

    @Test
    void aBadPageNumberIsRefusedInJapaneseAndReadsNothing() {
        long before = lastAuditId();
        for (String bad : List.of("0", "-1", "abc", "1.5", "%EF%BC%92", "99999999999", "1%27%20OR%201=1")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> page("?page=" + bad));
            assertEquals(400, refused.getStatus().getCode(), bad);
            String body = refused.getResponse().getBody(String.class).orElseThrow();
            assertTrue(body.contains("\"field\":\"page\"") && body.contains("ページ番号は1以上の整数です"), bad + ": " + body);
        }
        assertEquals(List.of(), auditedSince(before), "no household was read");
    }

    @Test
    void theFilesStayWholeWhateverThePageAndAreAuditedAsExports() throws Exception {
        long before = lastAuditId();
        byte[] csv = client.toBlocking().retrieve(logins.asOfficerOf(YAMAE,
                HttpRequest.GET("/api/municipalities/" + YAMAE + "/at-risk?format=csv&page=2")), byte[].class);
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1 + 55, text.split("\r\n").length, "the header and every household");
        assertEquals(55, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE id > ? AND action = 'EXPORT' AND row_count = 55"
                + " AND resource = ?", before, AtRiskController.RESOURCE + "?format=csv"));
    }

    @Test
    void anOfficerOfAnotherMunicipalityStillGetsNotFoundOnAnyPageAndAnAuditorForbidden() {
        long before = lastAuditId();
        for (String query : List.of("", "?page=2", "?page=abc")) {
            HttpClientResponseException other = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .retrieve(logins.asOfficerOf("43203", HttpRequest.GET("/api/municipalities/" + YAMAE + "/at-risk" + query))));
            assertEquals(query.contains("abc") ? 400 : 404, other.getStatus().getCode(), query);
            HttpClientResponseException auditor = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .retrieve(logins.as(Role.AUDITOR, HttpRequest.GET("/api/municipalities/" + YAMAE + "/at-risk" + query))));
            assertEquals(403, auditor.getStatus().getCode(), query);
        }
        assertEquals(List.of(), auditedSince(before));
    }
}
