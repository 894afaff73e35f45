package jp.inochi.evacuationplans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, on the demo data at 1280 and 820 px: 人吉市's officer opens the list of plans from the menu, sees only the
 * households they may see (each audited), filters by status and by overdue review, and from a row opens the print
 * page and sends the family the signed link; center staff see every municipality's plans.
 */
class OfficerListsPlansInTheBrowserTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("plan_list");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOfficerOf人吉市ListsTheirPlansFiltersThemAndSendsTheFamilyTheLink() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "hitoyoshi");
                String where = size[0] + "px ";
                Screenshots.onFailure(page, "FAILED-plan-list-" + size[0], () -> officer(page, where, problems));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void centerStaffSeeThePlansOfEveryMunicipality() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            assertTrue(page.locator("a[href='/evacuation-plans/list']").count() >= 1, "the staff menu links the list");
            page.navigate(server.url("/evacuation-plans/list"));
            assertThat(page.locator("h1")).hasText("個別避難計画の一覧");
            long municipalities = server.database().queryForLong(
                    "SELECT count(DISTINCT municipality_code) FROM household");
            List<String> shown = page.locator("#plan-list tbody td:nth-child(2)").allTextContents();
            assertTrue(municipalities <= 1 || shown.stream().distinct().count() > 1, "several municipalities: " + shown);
            assertTrue(Readability.problems(page, "staff 1280px /evacuation-plans/list").isEmpty());
        }
    }

    private void officer(Page page, String where, List<String> problems) throws Exception {
        assertTrue(page.locator("a[href='/evacuation-plans/list']").count() >= 1, where + "the officer's menu links the list");
        page.navigate(server.url("/evacuation-plans/list"));
        assertThat(page.locator("h1")).hasText("個別避難計画の一覧");
        problems.addAll(Readability.problems(page, where + "/evacuation-plans/list"));
        Locator rows = page.locator("#plan-list tbody tr");
        assertTrue(rows.count() > 0, where + "the demo data reaches the list");
        for (String id : rows.evaluateAll("rows => rows.map(r => r.dataset.household)").toString()
                .replaceAll("[\\[\\] ]", "").split(",")) {
            assertEquals("43203", server.database().queryForString("SELECT municipality_code FROM household WHERE id = "
                    + id), where + "only 人吉市's households: " + id);
        }
        assertTrue(server.database().queryForLong("SELECT count(*) FROM audit_log WHERE actor_username = 'hitoyoshi' "
                + "AND resource = 'GET /evacuation-plans/list' AND action = 'READ'") >= rows.count(), "each row is an audited read");
        String firstRow = rows.first().locator("a.name").getAttribute("href");
        assertTrue(rows.first().locator("a[href='" + firstRow + "/evacuation-plan']").count() == 1, "the row links its plan");
        Screenshots.save(page, "40-plan-list" + (where.startsWith("820") ? "-tablet" : ""));

        page.locator("#status-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("未作成")).click();
        assertTrue(page.url().contains("status=NOT_STARTED"), page.url());
        for (String status : page.locator("#plan-list tbody td:nth-child(3) .badge").allTextContents()) {
            assertTrue(status.contains("未作成"), where + status);
        }
        page.locator("#review-filter").click();
        assertTrue(page.url().contains("review=overdue") && page.url().contains("status=NOT_STARTED"), page.url());
        assertThat(page.locator("#no-plans")).containsText("見直し日を過ぎたもの");
        problems.addAll(Readability.problems(page, where + "/evacuation-plans/list filtered"));

        long household = server.database().queryForLong("""
                SELECT min(h.id) FROM household h WHERE h.municipality_code = '43203' AND h.shares_with_municipality
                  AND h.email_contact_consent AND EXISTS (SELECT 1 FROM guardian g WHERE g.household_id = h.id
                  AND btrim(coalesce(g.email, '')) <> '')""");
        assertTrue(household > 0, "a 人吉市 family that takes email");
        page.navigate(server.url("/households/" + household + "/evacuation-plan/pdf-link"));
        assertThat(page.locator("#print-pdf")).isVisible();
        var pdf = page.request().get(server.url(page.locator("#print-pdf").getAttribute("href")));
        assertEquals(200, pdf.status(), where + "the print link opens the PDF in the signed-in session");
        assertEquals("application/pdf", pdf.headers().get("content-type"));
        problems.addAll(Readability.problems(page, where + "pdf-link"));
        long before = server.database().queryForLong("SELECT count(*) FROM outbox_message WHERE household_id = ? AND kind = ?",
                household, PlanPdfMail.KIND);
        page.locator("#send-link").click();
        assertThat(page.locator(".notice-success")).containsText("送信待ちに入れました");
        assertEquals(before + 1, server.database().queryForLong(
                "SELECT count(*) FROM outbox_message WHERE household_id = ? AND kind = ?", household, PlanPdfMail.KIND));
        Screenshots.save(page, "41-plan-pdf-link" + (where.startsWith("820") ? "-tablet" : ""));
    }
}
