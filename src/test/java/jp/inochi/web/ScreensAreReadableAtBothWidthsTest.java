package jp.inochi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The center's screens (on the demo data, as bin/run shows them) at 1280×800 and at tablet width 820×1180: nothing
 * wider than the window, text at WCAG AA contrast (4.5:1, 3:1 for large text), every field labelled; and signing in
 * works with the keyboard alone, with the focus visible.
 */
class ScreensAreReadableAtBothWidthsTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("readable");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signingInWorksWithTheKeyboardAloneAndTheFocusIsVisible() {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = context.newPage();
            page.navigate(server.url("/login"));
            assertEquals("本文へ移動", page.evaluate("document.querySelector('a[href], button, input:not([type=hidden])')"
                    + ".textContent.trim()"), "the skip link comes first in the focus order");
            assertEquals("username", page.evaluate("document.activeElement.id"), "the page starts in the username field");
            page.keyboard().type("staff");
            page.keyboard().press("Tab");
            assertEquals("password", page.evaluate("document.activeElement.id"));
            Object outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
            assertFalse("none".equals(outline), "the focused field shows it");
            page.keyboard().type(UiServer.DEMO_PASSWORD);
            page.keyboard().press("Tab");
            assertEquals("ログイン", page.evaluate("document.activeElement.textContent.trim()"));
            page.keyboard().press("Enter");
            page.waitForURL(server.url("/"));
            assertThat(page.locator("h1")).hasText("ダッシュボード");
        }
    }

    @Test
    void theCentersScreensFitBothWidthsWithReadableTextAndLabelledFields() throws Exception {
        long application = server.database().queryForLong("SELECT min(id) FROM program_application WHERE state = 'UNDER_REVIEW'");
        long loan = server.database().queryForLong("SELECT min(id) FROM loan WHERE state = 'ACTIVE'");
        long household = server.database().queryForLong("SELECT household_id FROM loan WHERE id = " + loan);
        List<String> pages = List.of("/", "/applications", "/program-applications/" + application, "/loans/" + loan,
                "/households/" + household, "/households/new", "/devices", "/work-list", "/loans?state=RETURNS",
                "/hazard-imports", "/map?code=43203", "/at-risk?code=43203", "/evacuation-plans", "/reminders",
                "/reminders?tab=alerts", "/reminders?tab=reports", "/disasters");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                for (String path : pages) {
                    page.navigate(server.url(path));
                    problems.addAll(Readability.problems(page, size[0] + "px " + path));
                }
                if (size[0] == Chromium.TABLET_WIDTH) {
                    page.navigate(server.url("/program-applications/" + application));
                    Screenshots.save(page, "10-program-application-tablet");
                    page.navigate(server.url("/applications"));
                    Screenshots.save(page, "10-applications-tablet");
                } else {
                    page.navigate(server.url("/applications"));
                    Screenshots.save(page, "10-applications");
                    long withReasons = server.database().queryForLong("SELECT min(a.id) FROM program_application a "
                            + "JOIN household h ON h.id = a.household_id WHERE h.municipality_code = '43202' AND a.state IN "
                            + "('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED')");
                    page.navigate(server.url("/program-applications/" + withReasons));
                    assertThat(page.locator("#eligibility")).containsText("助成制度");
                    Screenshots.save(page, "10-program-application-with-reasons");
                    page.navigate(server.url("/work-list"));
                    Screenshots.save(page, "10-work-list");
                    page.navigate(server.url("/loans?state=RETURNS"));
                    Screenshots.save(page, "10-returns");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theOfficersScreensFitBothWidthsWithReadableTextAndLabelledFields() throws Exception {
        long household = server.database().queryForLong("SELECT min(id) FROM household WHERE municipality_code = '43203' "
                + "AND shares_with_municipality");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Chromium.withoutBaseMap(context);
                Page page = server.signIn(context, "hitoyoshi");
                for (String path : List.of("/map", "/at-risk", "/households", "/households/" + household, "/evacuation-plans",
                        "/disasters")) {
                    page.navigate(server.url(path));
                    page.waitForLoadState();
                    problems.addAll(Readability.problems(page, size[0] + "px " + path));
                }
                if (size[0] == Chromium.TABLET_WIDTH) {
                    page.navigate(server.url("/households"));
                    Screenshots.save(page, "24-officer-households-tablet");
                } else {
                    page.navigate(server.url("/evacuation-plans"));
                    Screenshots.save(page, "24-officer-plans");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
