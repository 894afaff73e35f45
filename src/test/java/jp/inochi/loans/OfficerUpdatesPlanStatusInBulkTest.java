package jp.inochi.loans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 人吉市's officer, on the demo data, at 1280 and 820 px: from the plan list to 計画状況の一括更新, downloads the template
 * of their households, types a 申請日, adds a row of 八代市's household, sees the dry run (that row refused, theirs to be
 * updated, nothing written yet), confirms, and is back on the plan list with the message; only their row was applied.
 */
class OfficerUpdatesPlanStatusInBulkTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("plan_status_import");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOfficerOf人吉市UpdatesTheirPlansFromTheirSheetAndAnotherMunicipalitysRowIsRefused() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "hitoyoshi");
                String where = size[0] + "px ";
                Screenshots.onFailure(page, "FAILED-plan-status-import-" + size[0], () -> updates(page, where, problems));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void updates(Page page, String where, List<String> problems) throws Exception {
        long ours = server.database().queryForLong("""
                SELECT min(l.household_id) FROM loan l JOIN household h ON h.id = l.household_id
                WHERE h.municipality_code = '43203' AND h.shares_with_municipality AND l.state <> 'ENDED'
                  AND l.plan_applied_on IS NULL""");
        long theirs = server.database().queryForLong("SELECT min(id) FROM household WHERE municipality_code = '43202'");
        assertTrue(ours > 0 && theirs > 0, ours + " / " + theirs);
        String theirPlan = plan(theirs);
        String start = server.database().queryForString("SELECT to_char(start_date, 'YYYY/FMMM/FMDD') FROM loan "
                + "WHERE household_id = " + ours + " AND state <> 'ENDED'");

        page.navigate(server.url("/evacuation-plans"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("計画状況の一括更新")).click();
        assertThat(page.locator("h1")).hasText("計画状況の一括更新");
        problems.addAll(Readability.problems(page, where + "/evacuation-plans/import"));
        Download download = page.waitForDownload(() -> page.locator("#template-download").click());
        Path sheet = filledIn(download.path(), ours, theirs, start);

        page.locator("#upload-sheet").setInputFiles(sheet);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("試行する（まだ反映しません）")).click();
        assertThat(page.locator("#dry-run-summary")).containsText("更新 1件");
        assertThat(page.locator("#dry-run-summary")).containsText("取込できない 1件");
        assertThat(page.locator("#dry-run-rows")).containsText("世帯番号: " + PlanStatusImport.OUT_OF_SCOPE);
        assertEquals(0, server.database().queryForLong("SELECT count(*) FROM loan WHERE household_id = " + ours
                + " AND plan_applied_on IS NOT NULL"), "the dry run wrote nothing");
        problems.addAll(Readability.problems(page, where + "dry run"));
        Screenshots.save(page, "30-plan-status-dry-run" + (where.startsWith("820") ? "-tablet" : ""));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("反映する（1件）")).click();
        assertThat(page.locator("h1")).hasText("個別避難計画の状況");
        assertThat(page.locator(".notice-success")).containsText("計画状況を一括更新しました");
        assertEquals(1, server.database().queryForLong("SELECT count(*) FROM loan WHERE household_id = " + ours
                + " AND state <> 'ENDED' AND to_char(plan_applied_on, 'YYYY/FMMM/FMDD') = '" + start + "'"));
        assertEquals(theirPlan, plan(theirs), "八代市's plan is untouched");
    }

    private static String plan(long household) throws Exception {
        return server.database().queryForString("SELECT coalesce(string_agg(concat_ws('/', plan_applied_on, "
                + "plan_accepted_on, plan_completed_on, version), ','), '') FROM loan WHERE household_id = " + household);
    }

    /** The downloaded template with a 申請日 typed for our household and a row added for another municipality's. */
    private static Path filledIn(Path template, long ours, long theirs, String start) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("世帯番号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("申請日", sheet.getRow(0).getCell(3).getStringCellValue());
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == ours) {
                    row.createCell(3).setCellValue(start);
                    found = true;
                }
                assertTrue(row.getRowNum() == 0 || (long) row.getCell(0).getNumericCellValue() != theirs,
                        "the template holds only 人吉市's households");
            }
            assertTrue(found, "the template holds household " + ours);
            Row added = sheet.createRow(sheet.getLastRowNum() + 1);
            added.createCell(0).setCellValue(theirs);
            added.createCell(3).setCellValue(start);
            Path filled = Files.createTempFile("plan-status-filled-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(filled)) {
                book.write(out);
            }
            return filled;
        }
    }
}
