package jp.inochi.consultations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consultation pages and the household's consent history on the demo data, at 1280 and 820 px. */
class ConsultationPagesInTheBrowserTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("consultations");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyConsultationPageFitsBothWidthsAndIsReachedFromTheMenu() throws Exception {
        long linked = server.database().queryForLong("SELECT min(id) FROM consultation WHERE household_id IS NOT NULL");
        long household = server.database().queryForLong("SELECT household_id FROM consultation WHERE id = " + linked);
        List<String> paths = List.of("/consultations", "/consultations/new", "/consultations/" + linked,
                "/households/" + household, "/consultations?q=%E3%81%9D%E3%82%89");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                assertTrue(page.content().contains("href=\"/consultations\""), "the menu links the consultations");
                for (String path : paths) {
                    page.navigate(server.url(path));
                    problems.addAll(Readability.problems(page, size[0] + "px " + path));
                }
                page.navigate(server.url("/households/" + household));
                assertThat(page.locator("#consultations")).containsText("第" + linked + "号");
                assertThat(page.locator("#consent-history")).containsText("同意の履歴");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void staffRecordAConsultationAndADateBeforeTheOpeningIsRefusedOnItsField() {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/consultations/new"));
            page.fill("#consultation-consultedOn", "2025-10-30");
            page.fill("#consultation-consulterName", "ブラウザ 相談者");
            page.fill("#consultation-childName", "ブラウザ こども");
            page.fill("#consultation-topic", "申請の手順");
            page.click("button[type=submit]:has-text('記録する')");
            assertThat(page.locator(".notice-error")).containsText("令和7年10月31日");
            page.fill("#consultation-consultedOn", "2025-11-04");
            page.click("button[type=submit]:has-text('記録する')");
            assertThat(page.locator("h1")).containsText("相談記録 第");
            assertThat(page.locator("#links")).containsText("まだ世帯に結び付いていません");
        }
    }
}
