package jp.inochi.evacuationplans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.testsupport.HouseholdForms;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** Issue 14: the printed plan through the API (scoped, audited) and the family's signed link to it. */
@MicronautTest(transactional = false)
class PlanPrintApiTest {
    @Inject
    TestLogins logins;
    @Inject
    SignedLinks signedLinks;
    @Inject
    @Client("/")
    HttpClient http;

    @SuppressWarnings("unchecked")
    private long householdWithSavedPlan() {
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", HouseholdForms.hitoyoshi())), Map.class);
        long id = ((Number) created.get("id")).longValue();
        Map<String, Object> document = http.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan")), Map.class);
        Map<String, Object> plan = new HashMap<>((Map<String, Object>) document.get("plan"));
        plan.put("supporters", List.of(Map.of("name", "相良 花子", "relation", "NEIGHBOUR", "phone", "0966-22-0000",
                "role", "車の運転", "daytime", true, "night", true, "weekends", false, "agreed", true)));
        Map<String, Object> power = new HashMap<>((Map<String, Object>) plan.get("power"));
        power.put("devices", List.of(Map.of("kind", "VENTILATOR", "name", "人工呼吸器", "watts", 60, "batteryHours", 7.5)));
        plan.put("power", power);
        http.toBlocking().retrieve(logins.asOfficerOf("43203", HttpRequest.PUT("/api/households/" + id + "/evacuation-plan",
                Map.of("plan", plan, "prefilled", document.get("prefilled"), "complete", true))), Map.class);
        return id;
    }

    @Test
    void theOfficerPrintsThePlanWithTheChildSupporterAndPowerHoursAndAnotherMunicipalitysOfficerGets404() throws Exception {
        long id = householdWithSavedPlan();
        HttpResponse<byte[]> response = http.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan.pdf")), byte[].class);
        assertEquals("application/pdf", response.getContentType().orElseThrow().getName());
        String text = pdfText(response.body());
        String child = HouseholdForms.hitoyoshi().get("childFamilyName") + " " + HouseholdForms.hitoyoshi().get("childGivenName");
        assertTrue(text.contains("個別避難計画") && text.contains(child) && text.contains("相良 花子") && text.contains("7.5 時間"), text);
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'EXPORT' AND resource = ?",
                id, "GET /api/households/{id}/evacuation-plan.pdf") >= 1, "the print is audited as an export");
        assertEmbeddedFonts(response.body());
        assertEquals(HttpStatus.NOT_FOUND, statusOf(logins.asOfficerOf("43202",
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan.pdf"))));
        HttpClientResponseException noLink = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(logins.asOfficerOf("43202",
                        HttpRequest.POST("/api/households/" + id + "/evacuation-plan/family-link", "")), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, noLink.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerOfAnotherMunicipalityGets404OnAllFourPlanEndpoints() {
        long id = householdWithSavedPlan();
        Map<String, Object> document = http.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.GET("/api/households/" + id + "/evacuation-plan")), Map.class);
        String base = "/api/households/" + id + "/evacuation-plan";
        assertEquals(HttpStatus.NOT_FOUND, statusOf(logins.asOfficerOf("43202", HttpRequest.GET(base))));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(logins.asOfficerOf("43202", HttpRequest.GET(base + "/versions"))));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(logins.asOfficerOf("43202", HttpRequest.PUT(base,
                Map.of("plan", document.get("plan"), "prefilled", document.get("prefilled"), "complete", false))
                .header("If-Match", "\"" + document.get("version") + "\""))));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(logins.asOfficerOf("43202", HttpRequest.GET(base + ".pdf"))));
        assertEquals(HttpStatus.OK, statusOf(logins.asOfficerOf("43203", HttpRequest.GET(base + ".pdf"))));
    }

    @Test
    void theDraftOfAHouseholdWithoutASavedPlanPrintsAsABlankFormToFillIn() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/households", HouseholdForms.hitoyoshi())), Map.class);
        byte[] pdf = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET("/api/households/"
                + created.get("id") + "/evacuation-plan.pdf")), byte[].class);
        String text = pdfText(pdf);
        assertTrue(text.contains("記入用") && text.contains("手書き"), text);
        assertEmbeddedFonts(pdf);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFamilysSignedLinkOpensThePdfWithoutLoginAndIsRefusedWhenTamperedOrExpired() throws Exception {
        long id = householdWithSavedPlan();
        Map<String, Object> link = http.toBlocking().retrieve(logins.asOfficerOf("43203",
                HttpRequest.POST("/api/households/" + id + "/evacuation-plan/family-link", "")), Map.class);
        String path = link.get("url").toString().replaceFirst("^https?://[^/]+", "");
        assertTrue(path.startsWith("/family/evacuation-plan/") && path.endsWith(".pdf"), path);
        byte[] pdf = http.toBlocking().retrieve(HttpRequest.GET(path), byte[].class);
        assertTrue(pdfText(pdf).contains("相良 花子"));
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE household_id = ? AND action = 'EXPORT' AND resource = ?",
                id, "GET /family/evacuation-plan/{token}.pdf") >= 1, "the family's open is audited");

        String token = path.substring("/family/evacuation-plan/".length(), path.length() - 4);
        String tampered = token.substring(0, token.indexOf('.') - 2) + (token.charAt(token.indexOf('.') - 2) == 'A' ? "B" : "A")
                + token.substring(token.indexOf('.') - 1);
        assertEquals(400, status("/family/evacuation-plan/" + tampered + ".pdf"));
        String expired = signedLinks.token(PlanPdfLink.ACTION, id, Instant.now().minusSeconds(60));
        assertEquals(410, status("/family/evacuation-plan/" + expired + ".pdf"));
        String otherPurpose = signedLinks.token("loan-terms-accept", id, Instant.now().plusSeconds(600));
        assertEquals(400, status("/family/evacuation-plan/" + otherPurpose + ".pdf"));
    }

    private HttpStatus statusOf(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, byte[].class).getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }

    /** Every font of the PDF is embedded, as {@code pdffonts} (poppler-utils) reports it. */
    static void assertEmbeddedFonts(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("plan", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdffonts", file.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), out);
            List<String> fonts = out.lines().skip(2).toList();
            assertTrue(!fonts.isEmpty(), "the plan uses a font: " + out);
            for (String font : fonts) {
                String[] columns = font.trim().split("\\s+");
                assertEquals("yes", columns[columns.length - 5], "embedded: " + out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private int status(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).getStatus().getCode();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus().getCode();
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("plan", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), text);
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
