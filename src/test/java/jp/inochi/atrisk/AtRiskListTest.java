package jp.inochi.atrisk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.hazards.HazardImports;
import jp.inochi.access.Role;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditEntry;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.ExportedWorkbooks;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 甲佐町's list (no other test places homes there): ventilator users first (seed 002, lines 7483 and 9025), then by
 * severity; filters; the officer's scope; and the three formats with their audit entries.
 */
@MicronautTest(transactional = false)
class AtRiskListTest {
    static final String KOSA = "43444";
    static final double LON = 130.812;
    static final double LAT = 32.650;
    static Map<String, Long> homes;

    @TempDir
    static Path temp;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    AuditEntryRepository audit;
    @Inject
    jp.inochi.testsupport.TestLoans loans;
    @Inject
    jp.inochi.loans.EvacuationPlanSteps planSteps;
    @Inject
    jp.inochi.households.HouseholdRepository householdRepository;
    @Inject
    jp.inochi.testsupport.MovableClock clock;
    @Inject
    @Client("/")
    HttpClient client;

    static String square(double lon, double lat, String properties) {
        double h = 0.0005;
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":%s,\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", properties, lon - h, lat - h, lon + h, lat - h, lon + h, lat + h,
                lon - h, lat + h, lon - h, lat - h);
    }

    @BeforeEach
    void placeTheHomesAndTheZonesOnce() throws Exception {
        if (homes != null) {
            return;
        }
        homes = new java.util.LinkedHashMap<>();
        homes.put("flood2", households.living(KOSA, true, LON, LAT).id());
        homes.put("flood5-no-ventilator", households.living(KOSA, true, LON + 0.01, LAT, false).id());
        homes.put("flood4", households.living(KOSA, true, LON + 0.02, LAT).id());
        homes.put("near-landslide", households.living(KOSA, true, LON + 0.03 + 0.0005 + 0.0003, LAT).id());
        homes.put("red", households.living(KOSA, true, LON + 0.04, LAT).id());
        homes.put("outside", households.living(KOSA, true, LON + 0.05, LAT).id());
        homes.put("flood6-no-consent", households.living(KOSA, false, LON + 0.06, LAT).id());
        Sql.update("UPDATE household SET address = '=HYPERLINK(\"http://example.invalid\")' WHERE id = ?", homes.get("flood2"));
        Path flood = Files.writeString(temp.resolve("kosa_flood.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[" + String.join(",",
                square(LON, LAT, "{\"depth_rank\":2}"), square(LON + 0.01, LAT, "{\"depth_rank\":5}"),
                square(LON + 0.02, LAT, "{\"depth_rank\":4}"), square(LON + 0.06, LAT, "{\"depth_rank\":6}")) + "]}");
        Path landslide = Files.writeString(temp.resolve("kosa_landslide.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[" + String.join(",",
                square(LON + 0.03, LAT, "{\"A33_001\":1,\"A33_002\":1}"), square(LON + 0.04, LAT, "{\"A33_001\":2,\"A33_002\":1}"),
                square(LON + 0.04, LAT, "{\"A33_001\":2,\"A33_002\":2}")) + "]}");
        importer.importFiles(HazardImports.request("要確認試験 甲佐 洪水", HazardType.FLOOD, "試験用の区域", "CC BY 4.0",
                "試験用の架空の区域"), List.of(new InputFile(flood, "kosa_flood.geojson")), ImportProgress.NONE);
        importer.importFiles(HazardImports.request("要確認試験 甲佐 土砂", HazardType.LANDSLIDE, "試験用の区域", null, null),
                List.of(new InputFile(landslide, "kosa_landslide.geojson")), ImportProgress.NONE);
        // 個別避難計画: flood4's loan started 8 months ago and no plan was applied for; red's plan was applied for.
        java.time.Instant now = clock.instant();
        java.time.LocalDate today = jp.inochi.platform.time.JapanTime.today(clock);
        loans.loanStartedOn(householdRepository.findById(homes.get("flood4")).orElseThrow(), today.minusMonths(8));
        var redLoan = loans.loanStartedOn(householdRepository.findById(homes.get("red")).orElseThrow(), today.minusMonths(2));
        clock.set(now); // TestLoans moves the clock to each loan's start
        planSteps.recordPlanStep(loans.staff(), redLoan.id(), new jp.inochi.loans.EvacuationPlanSteps.PlanStepRecord(
                jp.inochi.loans.model.PlanStep.APPLIED_TO_MUNICIPALITY, today.minusMonths(1), null, null));
    }

    /** 甲佐町's list as the role sees it (an officer of 甲佐町), by household id. */
    private List<Long> listed(Role role, String query) {
        String bearer = role == Role.MUNICIPAL_OFFICER ? logins.municipalBearer(KOSA) : logins.bearer(role);
        return listedIn(KOSA + "/at-risk" + query, bearer);
    }

    private List<Long> homes(String... names) {
        return Arrays.stream(names).map(homes::get).toList();
    }

    @Test
    void ventilatorUsersComeFirstThenTheWorstZoneThenThoseNearALandslideZone() {
        assertEquals(homes("red", "flood4", "flood2", "near-landslide", "flood5-no-ventilator"), listed(Role.MUNICIPAL_OFFICER, ""));
    }

    @Test
    void householdsThatDidNotConsentAreSeenByTheCenterOnly() {
        // red (2 of 2) and 20 m or more (6 of 6) are both the top of their scale: then by household id
        assertEquals(homes("red", "flood6-no-consent", "flood4", "flood2", "near-landslide", "flood5-no-ventilator"),
                listed(Role.CENTER_STAFF, ""));
    }

    @Test
    void filtersByHazardTypeAndMinimumSeverity() {
        assertEquals(homes("flood4", "flood2", "flood5-no-ventilator"), listed(Role.MUNICIPAL_OFFICER, "?hazardType=FLOOD"));
        assertEquals(homes("flood4", "flood5-no-ventilator"), listed(Role.MUNICIPAL_OFFICER, "?hazardType=FLOOD&minSeverity=4"));
        assertEquals(homes("red", "near-landslide"), listed(Role.MUNICIPAL_OFFICER, "?hazardType=LANDSLIDE"));
        assertEquals(homes("red"), listed(Role.MUNICIPAL_OFFICER, "?hazardType=LANDSLIDE&minSeverity=2"));
        assertEquals(homes("red", "flood4", "flood2", "flood5-no-ventilator"), listed(Role.MUNICIPAL_OFFICER, "?includeNear=false"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEvacuationPlanStatusComesFromTheLoansViewAndFiltersTheList() {
        assertEquals(homes("flood4"), listed(Role.MUNICIPAL_OFFICER, "?planStatus=NOT_APPLIED"));
        assertEquals(homes("red", "flood4"), listed(Role.MUNICIPAL_OFFICER, "?planStatus=applied,not_applied"));
        assertEquals(homes("flood2", "near-landslide", "flood5-no-ventilator"), listed(Role.MUNICIPAL_OFFICER, "?planStatus=NONE"));
        Map<String, Object> result = client.toBlocking().retrieve(logins.asOfficerOf(KOSA,
                HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk?planStatus=NOT_APPLIED")), Map.class);
        Map<String, Object> plan = (Map<String, Object>) ((List<Map<String, Object>>) result.get("households")).get(0)
                .get("evacuationPlanStatus");
        assertEquals("NOT_APPLIED", plan.get("status"));
        assertEquals("未申請（期限超過）", plan.get("label"));
        assertEquals(Boolean.TRUE, plan.get("overdue"));
        assertEquals(jp.inochi.platform.time.JapanTime.today(clock).minusMonths(8).plusMonths(6).toString(), plan.get("deadline"));
    }

    @Test
    void aBadFilterIsRefusedFieldByField() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> listed(Role.MUNICIPAL_OFFICER, "?hazardType=EARTHQUAKE&minSeverity=9&planStatus=LOST"));
        assertEquals(400, refused.getStatus().getCode());
        String body = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"hazardType\"") && body.contains("\"field\":\"minSeverity\"")
                && body.contains("\"field\":\"planStatus\""), body);
    }

    @Test
    void aWardOfficerListsTheirWardOnlyWhileTheCenterListsEachWardOrTheWholeCity() throws Exception {
        // 熊本市: 中央区 (43101) and 東区 (43102), at points no other test uses
        double lon = 130.655;
        double lat = 32.745;
        long central = households.living("43100", true, lon, lat).id();
        long east = households.living("43100", true, lon + 0.01, lat).id();
        Sql.update("UPDATE household SET ward_code = '43102' WHERE id = ?", east);
        Path flood = Files.writeString(temp.resolve("kumamoto_flood.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[" + String.join(",",
                square(lon, lat, "{\"depth_rank\":3}"), square(lon + 0.01, lat, "{\"depth_rank\":3}")) + "]}");
        importer.importFiles(HazardImports.request("要確認試験 熊本市 洪水", HazardType.FLOOD, "試験用の区域", null, null),
                List.of(new InputFile(flood, "kumamoto_flood.geojson")), ImportProgress.NONE);
        String wardOfficer = logins.bearer(Role.MUNICIPAL_OFFICER, "43100", "43101");
        String staff = logins.bearer(Role.CENTER_STAFF);

        assertTrue(listedIn("43101/at-risk", wardOfficer).contains(central));
        assertTrue(!listedIn("43101/at-risk", wardOfficer).contains(east), "東区 is not the officer's ward");
        assertTrue(!listedIn("43100/at-risk", wardOfficer).contains(east), "the whole city shows the officer's ward only");
        HttpClientResponseException otherWard = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/municipalities/43102/at-risk").bearerAuth(wardOfficer)));
        assertEquals(404, otherWard.getStatus().getCode());
        List<Long> eastWard = listedIn("43102/at-risk", staff);
        assertTrue(eastWard.contains(east) && !eastWard.contains(central), eastWard.toString());
        assertTrue(listedIn("43100/at-risk", staff).containsAll(List.of(central, east)));
    }

    /** The households listed at {@code /api/municipalities/<path>}, by id. */
    @SuppressWarnings("unchecked")
    private List<Long> listedIn(String path, String bearer) {
        Map<String, Object> result = client.toBlocking().retrieve(
                HttpRequest.GET("/api/municipalities/" + path).bearerAuth(bearer), Map.class);
        return ((List<Map<String, Object>>) result.get("households")).stream()
                .map(household -> ((Number) household.get("id")).longValue()).toList();
    }

    @Test
    void anOfficerAskingForAnotherMunicipalityGetsNotFound() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                logins.asOfficerOf("43203", HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk"))));
        assertEquals(404, refused.getStatus().getCode());
        HttpClientResponseException auditor = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                logins.as(Role.AUDITOR, HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk"))));
        assertEquals(403, auditor.getStatus().getCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonListShowsEveryHazardTypeWithNotDesignatedSpelledOutAndTheCredits() {
        Map<String, Object> result = client.toBlocking().retrieve(logins.asOfficerOf(KOSA,
                HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk")), Map.class);
        assertTrue(result.get("notice").toString().contains("安全という意味ではありません"));
        Map<String, Object> flood4 = ((List<Map<String, Object>>) result.get("households")).get(1);
        List<Map<String, Object>> exposures = (List<Map<String, Object>>) flood4.get("exposures");
        assertEquals("5.0m以上10.0m未満", exposures.get(0).get("label"));
        assertEquals("LANDSLIDE", exposures.get(1).get("hazardType"));
        assertEquals("指定なし", exposures.get(1).get("label"));
        assertTrue(((List<Map<String, Object>>) result.get("credits")).stream()
                .anyMatch(credit -> "試験用の架空の区域".equals(credit.get("credit"))));
    }

    @Test
    void readingTheListIsAuditedOnceForEachHouseholdShownWithItsBasis() {
        long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        listed(Role.MUNICIPAL_OFFICER, "");
        List<AuditEntry> entries = audit.findByHouseholdIdOrderByIdAsc(homes.get("red")).stream()
                .filter(entry -> entry.id() > before).toList();
        assertEquals(1, entries.size());
        assertEquals(AuditAction.READ, entries.get(0).action());
        assertEquals(jp.inochi.access.AccessBasis.CONSENT, entries.get(0).basis());
        assertEquals(0, audit.findByHouseholdIdOrderByIdAsc(homes.get("outside")).stream().filter(entry -> entry.id() > before).count());
        assertEquals(0, audit.findByHouseholdIdOrderByIdAsc(homes.get("flood6-no-consent")).stream().filter(entry -> entry.id() > before).count());
    }

    @Test
    void theCsvOpensInExcelBomCrlfJapaneseHeadersDataRowsOnlyAndIsAuditedAsAnExport() {
        long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.asOfficerOf(KOSA,
                HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk?format=csv")), byte[].class);
        byte[] bytes = response.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(response.header("Content-Disposition").contains("at-risk-43444-"), response.header("Content-Disposition"));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", AtRiskCsv.HEADERS) + "\r\n"), text);
        assertEquals(-1, text.replace("\r\n", "").indexOf('\n'), "every line ends with CRLF");
        String[] lines = text.split("\r\n");
        assertEquals(1 + 5, lines.length, "the header and the data rows only (the notes are on the page and in the .xlsx)");
        assertTrue(lines[1].startsWith(homes.get("red") + ",同意,"), lines[1]);
        assertTrue(lines[1].contains(",あり,申請済,"), lines[1]);
        assertTrue(lines[1].contains(",指定なし,土砂災害特別警戒区域（レッド）・土石流,"), lines[1]);
        String flood4 = Arrays.stream(lines).filter(line -> line.startsWith(homes.get("flood4") + ",")).findFirst().orElseThrow();
        java.time.LocalDate deadline = jp.inochi.platform.time.JapanTime.today(clock).minusMonths(8).plusMonths(6);
        assertTrue(flood4.contains(",未申請（期限超過）," + deadline.format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")) + ","),
                "the deadline as yyyy/mm/dd, which Excel reads as a date: " + flood4);
        assertTrue(flood4.matches(".*,\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}$"), "the evaluation time too: " + flood4);
        String flood2 = Arrays.stream(lines).filter(line -> line.startsWith(homes.get("flood2") + ",")).findFirst().orElseThrow();
        assertTrue(flood2.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\")\","), "a formula is defused and quoted: " + flood2);
        assertTrue(Arrays.stream(lines).anyMatch(line -> line.contains("近接: 土砂災害警戒区域（イエロー）・急傾斜地の崩壊 まで")), text);
        List<AuditEntry> exported = audit.findByHouseholdIdOrderByIdAsc(homes.get("flood4")).stream()
                .filter(entry -> entry.id() > before).toList();
        assertEquals(AuditAction.EXPORT, exported.get(0).action());
        assertEquals(5, exported.get(0).rowCount());
    }

    @Test
    void theXlsxHasTheJsonListsRowsTypedCellsTheNoticeAndCreditsAndIsAuditedLikeTheCsv() {
        List<Long> json = listed(Role.MUNICIPAL_OFFICER, "");
        long beforeCsv = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        client.toBlocking().exchange(logins.asOfficerOf(KOSA, HttpRequest.GET("/api/municipalities/" + KOSA
                + "/at-risk?format=csv")), byte[].class);
        long beforeXlsx = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.asOfficerOf(KOSA,
                HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk").accept(ExportedWorkbooks.XLSX)), byte[].class);
        assertTrue(response.header("Content-Disposition").contains("at-risk-43444-"), response.header("Content-Disposition"));
        ExportedWorkbooks xlsx = ExportedWorkbooks.checked(response, json.size(),
                logins.user(Role.MUNICIPAL_OFFICER, KOSA, null).username());
        assertEquals(json, xlsx.ids(), "the same households in the same order as the JSON list");
        int flood4 = xlsx.rowOf(homes.get("flood4"));
        xlsx.assertDate(flood4, "計画の申請期限", jp.inochi.platform.time.JapanTime.today(clock).minusMonths(8).plusMonths(6));
        assertEquals("未申請（期限超過）", xlsx.cell(flood4, "個別避難計画").getStringCellValue());
        assertEquals(LON + 0.02, xlsx.cell(flood4, "経度").getNumericCellValue(), 1e-6, "coordinates are numbers");
        assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(xlsx.cell(flood4, "評価日時（西暦）")));
        assertEquals("=HYPERLINK(\"http://example.invalid\")",
                xlsx.cell(xlsx.rowOf(homes.get("flood2")), "住所").getStringCellValue(), "text, never a formula");
        assertTrue(xlsx.notes().contains("「指定なし」はハザードマップの区域に入っていないという意味で、安全という意味ではありません"), xlsx.notes());
        assertTrue(xlsx.notes().contains("出典（洪水・要確認試験 甲佐 洪水）: 試験用の架空の区域（CC BY 4.0）"), xlsx.notes());
        assertEquals(exportEntries(beforeCsv, beforeXlsx, "csv"), exportEntries(beforeXlsx, Long.MAX_VALUE, "xlsx"),
                "the same export entries as the CSV: one per household with its basis");
    }

    /** (household, action, basis, rows) of the at-risk export entries in the id range, the format's resource. */
    private static List<String> exportEntries(long after, long upTo, String format) {
        return Sql.queryForStrings("SELECT household_id || ' ' || action || ' ' || basis || ' ' || row_count FROM audit_log "
                + "WHERE id > ? AND id <= ? AND resource = ? ORDER BY household_id", after, upTo,
                AtRiskController.RESOURCE + "?format=" + format);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGeoJsonIsAFeatureCollectionOfHomesChosenByTheAcceptHeader() throws Exception {
        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.asOfficerOf(KOSA,
                HttpRequest.GET("/api/municipalities/" + KOSA + "/at-risk").accept("application/geo+json")), byte[].class);
        assertEquals("application/geo+json", response.getContentType().orElseThrow().toString());
        Map<String, Object> collection = new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), Map.class);
        assertEquals("FeatureCollection", collection.get("type"));
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        assertEquals(5, features.size());
        Map<String, Object> geometry = (Map<String, Object>) features.get(0).get("geometry");
        assertEquals("Point", geometry.get("type"));
        assertEquals(LON + 0.04, ((Number) ((List<?>) geometry.get("coordinates")).get(0)).doubleValue(), 1e-9);
        assertTrue(collection.get("notice").toString().contains("安全"));
    }
}
