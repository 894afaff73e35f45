package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AppUser;
import jp.inochi.access.Role;
import jp.inochi.access.Users;
import jp.inochi.access.Viewer;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.testsupport.ExportedWorkbooks;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditLogSearchAndExportTest {

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
    AuditLog auditLog;

    @Inject
    Users users;

    @Test
    void auditorsFindWhoReadAHouseholdOnWhichBasisAndWhen() {
        Household household = households.living("43202", true);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, "43202", null);
        directory.read(officer, household.id(), "GET /api/households/{id}");
        directory.read(logins.viewer(Role.CENTER_STAFF), household.id(), "GET /api/households/{id}");

        Map<?, ?> consent = search(Role.AUDITOR, "householdId", household.id(), "basis", "CONSENT");
        assertEquals(1, ((Number) consent.get("total")).intValue());
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) consent.get("entries")).get(0);
        assertEquals(officer.userId(), ((Number) entry.get("actorUserId")).longValue());
        assertEquals("本人同意", entry.get("basisLabel"));
        assertEquals("閲覧", entry.get("actionLabel"));
        assertEquals("市町村防災担当", entry.get("actorRoleLabel"));

        assertEquals(2, ((Number) search(Role.CENTER_ADMIN, "householdId", household.id(), "action", "READ").get("total")).intValue());
        assertEquals(1, ((Number) search(Role.AUDITOR, "householdId", household.id(), "userId", officer.userId()).get("total")).intValue());
        assertEquals(0, ((Number) search(Role.AUDITOR, "householdId", household.id(), "from", "2999-01-01").get("total")).intValue());
        assertEquals(2, ((Number) search(Role.AUDITOR, "householdId", household.id(), "from", "2020-01-01T00:00:00+09:00",
                "to", "2999-12-31").get("total")).intValue());
    }

    @Test
    void searchingTheAuditLogIsItselfAudited() throws Exception {
        Viewer auditor = logins.viewer(Role.AUDITOR);
        long before = Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND subject_type = 'audit_log'", auditor.userId());
        search(Role.AUDITOR, "username", "someone");
        assertEquals(before + 1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND subject_type = 'audit_log'"
                + " AND action = 'READ' AND detail = 'username=someone'", auditor.userId()));
    }

    @Test
    void sqlInAFilterIsOnlyAValueNobodyHas() {
        for (String injection : List.of("' OR 1=1 --", "x'; DELETE FROM audit_log; --", "\" OR \"\"=\"")) {
            Map<?, ?> found = search(Role.AUDITOR, "username", injection);
            assertEquals(0, ((Number) found.get("total")).intValue(), injection);
        }
    }

    @Test
    void onlyAdminsAndAuditorsReadTheAuditLog() {
        for (Role role : new Role[] {Role.CENTER_STAFF}) {
            assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve(logins.as(role, HttpRequest.GET("/api/audit-log")))).getStatus());
        }
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(logins.asOfficerOf("43202", HttpRequest.GET("/api/audit-log/export")))).getStatus());
    }

    @Test
    void badFiltersAreNamedFieldByField() {
        var refused = assertThrows(HttpClientResponseException.class, () -> search(Role.AUDITOR, "from", "yesterday",
                "action", "STEAL", "basis", "MAGIC"));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        List<?> errors = (List<?>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals(List.of("action", "basis", "from"), errors.stream().map(error -> ((Map<?, ?>) error).get("field")).sorted().toList());
    }

    @Test
    void theExportIsExcelCsvWithJapaneseHeadersItsFormulasDefusedAndItIsAudited() throws Exception {
        AppUser dashUser = users.create(new Users.NewUser("-2-3-sum-" + System.nanoTime(), "テスト", TestLogins.PASSWORD,
                Role.CENTER_STAFF, null, null, null));
        String marker = "export-" + System.nanoTime();
        auditLog.system(AuditAction.UPDATE, "test", marker, 1, null, "=HYPERLINK(\"http://evil.example\",\"開く\")");
        auditLog.system(AuditAction.UPDATE, "test", marker, 2, null, "@SUM(1+1)*cmd|' /C calc'!A0");
        auditLog.signIn(AuditAction.LOGIN, dashUser.id(), dashUser.username(), "CENTER_STAFF", "127.0.0.1", "test", null);

        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.as(Role.AUDITOR,
                HttpRequest.GET(uri("/api/audit-log/export", "subjectType", marker))), byte[].class);
        assertEquals("text/csv;charset=UTF-8", response.getContentType().orElseThrow().toString().replace(" ", ""));
        assertTrue(response.getHeaders().get("Content-Disposition").startsWith("attachment; filename=\"audit-log-"));
        byte[] bytes = response.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", AuditLogController.CSV_HEADER), lines[0]);
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].endsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"開く\"\")\""), lines[1]);
        assertTrue(lines[2].endsWith(",'@SUM(1+1)*cmd|' /C calc'!A0"), lines[2]);
        assertTrue(lines[1].contains(",システム,"), lines[1]);
        assertFalse(csv.replace("\r\n", "").contains("\n"), "no bare line feeds");

        HttpResponse<byte[]> logins = client.toBlocking().exchange(this.logins.as(Role.AUDITOR,
                HttpRequest.GET(uri("/api/audit-log/export", "userId", dashUser.id(), "action", "LOGIN"))), byte[].class);
        String loginCsv = new String(logins.body(), StandardCharsets.UTF_8);
        assertTrue(loginCsv.contains(",'" + dashUser.username() + ","), loginCsv);

        Viewer auditor = this.logins.viewer(Role.AUDITOR);
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE actor_user_id = ? AND action = 'EXPORT'"
                + " AND subject_type = 'audit_log' AND row_count = 2 AND detail = ?", auditor.userId(), "subjectType=" + marker));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theXlsxExportHoldsTheSameEntriesTypedAndIsAuditedLikeTheCsv() throws Exception {
        String marker = "xlsx-" + System.nanoTime();
        auditLog.system(AuditAction.UPDATE, "test", marker, 1, null, "=HYPERLINK(\"http://evil.example\",\"開く\")");
        auditLog.system(AuditAction.UPDATE, "test", marker, 2, null, "二件目");
        Map<?, ?> found = search(Role.AUDITOR, "subjectType", marker);
        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.as(Role.AUDITOR,
                HttpRequest.GET(uri("/api/audit-log/export", "subjectType", marker, "format", "xlsx"))), byte[].class);
        ExportedWorkbooks xlsx = ExportedWorkbooks.checked(response, ((Number) found.get("total")).intValue(),
                logins.user(Role.AUDITOR).username());
        List<Long> ids = ((List<Map<String, Object>>) found.get("entries")).stream()
                .map(entry -> ((Number) entry.get("id")).longValue()).sorted().toList();
        assertEquals(ids, xlsx.ids(), "the JSON search's entries, oldest first as in the CSV");
        assertTrue(DateUtil.isCellDateFormatted(xlsx.cell(1, "日時（日本時間）（西暦）")));
        assertEquals(java.time.LocalDate.now(jp.inochi.platform.time.JapanTime.ZONE),
                xlsx.cell(1, "日時（日本時間）（西暦）").getLocalDateTimeCellValue().toLocalDate());
        assertEquals("=HYPERLINK(\"http://evil.example\",\"開く\")", xlsx.cell(xlsx.rowOf(ids.get(0)), "詳細").getStringCellValue());
        assertTrue(xlsx.notes().contains("subjectType=" + marker), xlsx.notes());

        client.toBlocking().exchange(logins.as(Role.AUDITOR, HttpRequest.GET(uri("/api/audit-log/export", "subjectType", marker))),
                byte[].class);
        Viewer auditor = this.logins.viewer(Role.AUDITOR);
        assertEquals(List.of("EXPORT audit_log 2 subjectType=" + marker, "EXPORT audit_log 2 subjectType=" + marker),
                Sql.queryForStrings("SELECT action || ' ' || subject_type || ' ' || row_count || ' ' || detail FROM audit_log "
                        + "WHERE actor_user_id = ? AND action = 'EXPORT' AND detail = ? ORDER BY id", auditor.userId(),
                        "subjectType=" + marker), "the CSV and the .xlsx are audited alike");
    }

    private Map<?, ?> search(Role role, Object... query) {
        return client.toBlocking().retrieve(logins.as(role, HttpRequest.GET(uri("/api/audit-log", query))), Argument.of(Map.class));
    }

    private static URI uri(String path, Object... query) {
        UriBuilder builder = UriBuilder.of(path);
        for (int i = 0; i < query.length; i += 2) {
            builder.queryParam(String.valueOf(query[i]), query[i + 1]);
        }
        return builder.build();
    }
}
