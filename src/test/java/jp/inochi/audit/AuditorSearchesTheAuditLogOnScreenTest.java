package jp.inochi.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log on screen, over the demo data: the auditor searches by a user and by a household, reads Japanese
 * labels, staff's names and screen names (never a raw route), pages to page 2 with plain links, at 1280 and 820 px
 * without horizontal overflow; the search itself is in the audit log. A center admin sees the child's name.
 */
class AuditorSearchesTheAuditLogOnScreenTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("audit-page");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAuditorSearchesByUserAndHouseholdReadsJapaneseAndPagesOn() throws Exception {
        try (BrowserContext staffContext = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page staff = server.signIn(staffContext, "staff");
            for (int i = 0; i < 3; i++) {
                staff.navigate(server.url("/households"));
            }
        }
        long reads = server.database().queryForLong("SELECT count(*) FROM audit_log WHERE actor_username = 'staff' "
                + "AND action = 'READ'");
        assertTrue(reads > 50, "enough for two pages: " + reads);
        long household = server.database().queryForLong("SELECT min(household_id) FROM audit_log "
                + "WHERE actor_username = 'staff' AND resource = '/households'");

        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "auditor");
                Screenshots.onFailure(page, "FAILED-audit-page-" + size[0], () -> {
                    page.navigate(server.url("/"));
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("監査ログ").setExact(true)).first().click();
                    page.locator("#audit-username").fill("staff");
                    page.locator("#audit-action").selectOption("READ");
                    page.locator("#audit-search-button").click();
                    assertThat(page.locator("#audit-total")).containsText(Pattern.compile("全 \\d+ 件中 1〜50 件"));
                    assertThat(page.locator("#audit-entries tbody tr")).hasCount(50);
                    assertThat(page.locator("#audit-entries").first()).containsText("閲覧");
                    assertThat(page.locator("#audit-entries")).containsText("世帯一覧");
                    assertThat(page.locator("#audit-entries")).containsText("センター職員（デモ）（staff）");
                    assertThat(page.locator("#audit-entries")).containsText("世帯 第");
                    String table = page.locator("#audit-entries").innerText();
                    assertFalse(table.contains("/households") || table.contains("0:0:0:0:0:0:0:1"), table);
                    problems.addAll(Readability.problems(page, size[0] + "px /audit page 1"));
                    Screenshots.save(page, "50-audit-log" + (size[0] == Chromium.TABLET_WIDTH ? "-tablet" : ""));

                    page.locator("nav.pager").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                            .setName("2").setExact(true)).click();
                    assertThat(page).hasURL(Pattern.compile("page=2"));
                    assertThat(page.locator("#audit-total")).containsText("件中 51〜");
                    assertThat(page.locator("#audit-username")).hasValue("staff");
                    problems.addAll(Readability.problems(page, size[0] + "px /audit page 2"));

                    page.navigate(server.url("/audit?householdId=" + household));
                    assertThat(page.locator("#audit-entries")).containsText("世帯 第" + household + "号");
                    assertThat(page.locator("#audit-entries a[href='/households/" + household + "']")).hasCount(0);
                    problems.addAll(Readability.problems(page, size[0] + "px /audit by household"));

                    page.navigate(server.url("/audit?from=yesterday"));
                    assertThat(page.locator(".notice-error")).containsText("期間の始め");
                });
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(server.database().queryForLong("SELECT count(*) FROM audit_log WHERE actor_username = 'auditor' "
                + "AND action = 'READ' AND resource = 'GET /audit' AND subject_type = 'audit_log' "
                + "AND detail LIKE '%username=staff%'") >= 2, "reading the audit log is itself audited");

        String child = server.database().queryForString("SELECT child_family_name || ' ' || child_given_name FROM household "
                + "WHERE id = ?", household);
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "admin");
            page.navigate(server.url("/audit?householdId=" + household));
            assertThat(page.locator("#audit-entries a[href='/households/" + household + "']").first()).hasText("世帯：" + child);
        }
        assertTrue(server.database().queryForLong("SELECT count(*) FROM audit_log WHERE actor_username = 'admin' "
                + "AND resource = '/audit' AND household_id = ?", household) >= 1, "the admin's read of the name is audited");
    }
}
