package jp.inochi.households;

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
import java.util.UUID;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * 世帯の一括登録 as center staff do it (issue 18): from the households list, download the template, fill in three
 * families with one bad birth date, see that row refused with its row and column and nothing registered; fix it,
 * confirm, and find the families in the list. The page fits 1280 and 820 px.
 */
class CenterStaffImportsHouseholdsFromASpreadsheetTest {
    private static UiServer server;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        server = UiServer.start("household_import");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void staffDownloadTheTemplateSeeTheBadRowRefusedThenRegisterTheFixedFile() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-household-import", () -> {
                page.navigate(server.url("/households"));
                page.locator("#household-import").click();
                page.waitForURL("**/households/import");
                assertThat(page.locator("h1")).hasText("世帯の一括登録");
                readable(page, "form", problems);

                Download download = page.waitForDownload(() -> page.locator("#template-xlsx").click());
                assertEquals("世帯の一括登録_テンプレート.xlsx", download.suggestedFilename());
                long before = server.database().queryForLong("SELECT count(*) FROM household");

                page.getByLabel("世帯の一覧のファイル").setInputFiles(filled(download.path(), run, true));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込んで確認する")).click();
                assertThat(page.locator("#count-refused")).hasText("1行");
                assertThat(page.locator("#count-created")).hasText("2世帯");
                assertThat(page.locator("#refusals tbody tr")).hasCount(1);
                assertThat(page.locator("#refusals tbody tr td").nth(0)).hasText("3行目");
                assertThat(page.locator("#refusals tbody tr td").nth(1)).hasText("生年月日");
                assertThat(page.locator("#refusals tbody tr td").nth(2)).containsText("日付として読めません");
                assertThat(page.locator("#confirm-form")).hasCount(0);
                readable(page, "refused", problems);
                Screenshots.save(page, "60-household-import-refused");
                assertEquals(before, server.database().queryForLong("SELECT count(*) FROM household"), "nothing written");

                page.getByLabel("世帯の一覧のファイル").setInputFiles(filled(download.path(), run, false));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込んで確認する")).click();
                assertThat(page.locator("#count-created")).hasText("3世帯");
                assertThat(page.locator("#count-refused")).hasText("0行");
                readable(page, "dry run", problems);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("この内容で登録する")).click();
                page.waitForURL("**/households/import?created=3&updated=0");
                assertThat(page.locator("#import-done")).containsText("新規 3世帯・更新 0世帯を登録しました。");
                assertThat(page.getByText("世帯の一括登録が完了しました。")).isVisible();
                Screenshots.save(page, "61-household-import-done");
                assertEquals(before + 3, server.database().queryForLong("SELECT count(*) FROM household"));

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("世帯の一覧へ戻る")).click();
                page.waitForURL("**/households");
                page.navigate(server.url("/households?municipalityCode=43203"));
                for (int i = 0; i < 3; i++) {
                    assertThat(page.locator("#households")).containsText("熊本 試" + run + "-" + i);
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** At 1280 px as it is, then at 820 px. */
    private static void readable(Page page, String where, List<String> problems) {
        problems.addAll(Readability.problems(page, Chromium.DESKTOP_WIDTH + "px " + where));
        page.setViewportSize(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT);
        try {
            problems.addAll(Readability.problems(page, Chromium.TABLET_WIDTH + "px " + where));
        } finally {
            page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);
        }
    }

    /** The template with its example row replaced by three families; with {@code bad}, the second one's birth date is 昨日. */
    private static Path filled(Path template, String run, boolean bad) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            Row example = sheet.getRow(1);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < HouseholdImportColumns.ALL.size(); c++) {
                cells.add(example.getCell(c) == null ? "" : example.getCell(c).getStringCellValue());
            }
            for (int i = 0; i < 3; i++) {
                Row row = sheet.getRow(i + 1) == null ? sheet.createRow(i + 1) : sheet.getRow(i + 1);
                for (int c = 0; c < cells.size(); c++) {
                    String value = c == 2 ? "試" + run + "-" + i : c == 5 && bad && i == 1 ? "昨日" : cells.get(c);
                    if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            Path file = temp.resolve((bad ? "名簿_" : "名簿_直した_") + run + ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        }
    }
}
