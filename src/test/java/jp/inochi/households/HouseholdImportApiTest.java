package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Role;
import jp.inochi.platform.tables.TableColumn;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.platform.xlsx.XlsxTemplate;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Spreadsheets;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * 世帯の一括登録 through its API: the template, a bad file of each kind refused with 422 problem+json in Japanese and
 * nothing written or kept for confirmation, a CP932 CSV without a BOM imported with its names right, and the
 * import closed to anyone but center staff (the refusal audited).
 */
@MicronautTest(transactional = false)
class HouseholdImportApiTest {
    private static final String API = "/api/households/import";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Test
    void theTemplateHasTheColumnsTheExampleAndHowToFillItInAndReadsBackAsOneNewHousehold() throws Exception {
        HttpResponse<byte[]> xlsx = client.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET(API + "/template.xlsx")), byte[].class);
        assertTrue(xlsx.header("Content-Disposition").contains("filename*=UTF-8''"), xlsx.header("Content-Disposition"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            for (int c = 0; c < HouseholdImportColumns.ALL.size(); c++) {
                assertEquals(HouseholdImportColumns.ALL.get(c).label(), sheet.getRow(0).getCell(c).getStringCellValue());
                String example = HouseholdImportColumns.EXAMPLE.get(c);
                assertEquals(example, sheet.getRow(1).getCell(c) == null ? "" : sheet.getRow(1).getCell(c).getStringCellValue());
                assertTrue(sheet.getColumnWidth(c) >= 8 * 256, "column " + c + " fits its header");
            }
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");
            assertTrue(sheet.getColumnWidth(14) >= 2 * "熊本県人吉市○○町1-1".length() * 256 - 4 * 256, "Japanese counts double");
            assertTrue(book.getSheet(XlsxTemplate.HOW_TO_SHEET).getRow(1).getCell(0).getStringCellValue().contains("見出し"));
        }
        byte[] csv = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(API + "/template.csv")), byte[].class);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF世帯番号,子の姓,子の名,"), text);

        Map<?, ?> dryRun = upload("テンプレート.xlsx", xlsx.body());
        assertEquals(1, ((Number) dryRun.get("created")).intValue(), dryRun.toString());
        assertEquals(0, ((Number) dryRun.get("refused")).intValue(), dryRun.toString());
        assertEquals(true, dryRun.get("confirmable"));
    }

    @Test
    void eachBadFileIsRefusedWith422InJapaneseAndNothingIsWrittenOrKept() throws Exception {
        List<String> header = HouseholdImportColumns.ALL.stream().map(TableColumn::label).toList();
        List<List<String>> tooMany = new ArrayList<>(List.of(header));
        for (int i = 0; i < TableReader.MAX_ROWS + 100; i++) {
            tooMany.add(List.of("", "熊本" + i)); // one cell a row: the count is refused before any row is read
        }
        List<String> mergedHeader = new ArrayList<>(header);
        mergedHeader.add(2, "");
        XSSFWorkbook merged = Spreadsheets.workbook(List.of(mergedHeader, HouseholdImportColumns.EXAMPLE));
        merged.getSheetAt(0).addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
        Map<String, byte[]> files = Map.of(
                "写真.xlsx", Spreadsheets.PNG,
                "案内.xlsx", Spreadsheets.PDF,
                "保護付き.xlsx", Spreadsheets.encrypted(Spreadsheets.workbook(List.of(header, HouseholdImportColumns.EXAMPLE)), "pass"),
                "多すぎる.xlsx", Spreadsheets.bytes(Spreadsheets.workbook(tooMany)),
                "結合.xlsx", Spreadsheets.bytes(merged));
        Map<String, String> expected = Map.of(
                "写真.xlsx", "表計算のファイルではありません",
                "案内.xlsx", "表計算のファイルではありません",
                "保護付き.xlsx", "パスワードで保護されたブックは読み込めません",
                "多すぎる.xlsx", "行数が上限（10,000行）を超えています",
                "結合.xlsx", "1行目の見出し「子の姓」がB列・C列にあります。セルの結合を解除して");
        long households = Sql.queryForLong("SELECT count(*) FROM household");
        long kept = Sql.queryForLong("SELECT count(*) FROM pending_table_upload");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpClientResponseException refused = Problems.refused(() -> upload(file.getKey(), file.getValue()));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), file.getKey());
            assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
            Map<?, ?> problem = Problems.body(refused);
            assertTrue(String.valueOf(problem.get("type")).endsWith("unprocessable-file"), problem.toString());
            assertEquals("ファイルを読み込めませんでした", problem.get("title"));
            assertTrue(String.valueOf(problem.get("detail")).startsWith(expected.get(file.getKey())), file.getKey() + ": " + problem);
        }
        assertEquals(households, Sql.queryForLong("SELECT count(*) FROM household"), "nothing written");
        assertEquals(kept, Sql.queryForLong("SELECT count(*) FROM pending_table_upload"), "nothing kept to confirm");
    }

    @Test
    void aCp932CsvWithoutAByteOrderMarkImportsWithItsNamesRight() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder(String.join(",", HouseholdImportColumns.ALL.stream().map(TableColumn::label).toList()))
                .append("\r\n");
        for (String family : List.of("髙橋", "山﨑")) {
            List<String> cells = new ArrayList<>(HouseholdImportColumns.EXAMPLE);
            cells.set(1, family);
            cells.set(2, "試" + run);
            csv.append(String.join(",", cells)).append("\r\n");
        }
        Map<?, ?> dryRun = upload("名簿_sjis.csv", csv.toString().getBytes(Charset.forName("windows-31j")));
        assertEquals("CSV（Shift_JIS / CP932）", dryRun.get("format"));
        assertEquals(2, ((Number) dryRun.get("created")).intValue(), dryRun.toString());
        assertEquals("髙橋 試" + run, ((Map<?, ?>) ((List<?>) dryRun.get("rows")).get(0)).get("subject"));

        Map<?, ?> done = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                API + "/" + dryRun.get("id") + "/confirm", Map.of("digest", dryRun.get("digest")))), Map.class);
        assertEquals(true, done.get("written"));
        assertEquals(2, ((Number) done.get("created")).intValue());
        assertEquals(2, Sql.queryForLong("SELECT count(*) FROM household WHERE child_given_name = ? "
                + "AND child_family_name IN ('髙橋', '山﨑')", "試" + run));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM pending_table_upload WHERE id = ?::uuid",
                String.valueOf(dryRun.get("id"))), "a confirmed upload can't be confirmed again");
    }

    @Test
    void onlyCenterStaffMayImportAndAnOfficersAttemptIsAudited() throws Exception {
        long officer = logins.user(Role.MUNICIPAL_OFFICER, "43203", null).id();
        long before = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' AND actor_user_id = ?", officer);
        HttpClientResponseException refused = Problems.refused(() -> client.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.POST(API, body("名簿.csv", "子の姓\r\n熊本\r\n".getBytes(StandardCharsets.UTF_8)))
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertTrue(Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'REFUSED' AND actor_user_id = ?", officer) > before,
                "the refusal is in the audit log");
    }

    private Map<?, ?> upload(String name, byte[] content) {
        return client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(API, body(name, content))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class);
    }

    private static MultipartBody body(String name, byte[] content) {
        return MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
    }
}
