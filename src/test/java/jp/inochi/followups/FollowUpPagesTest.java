package jp.inochi.followups;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's follow-up (a failed test run at family09's check): from the work list to done, at 1280 and 820 px. */
class FollowUpPagesTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("follow-ups");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void staffOpenTheFollowUpFromTheWorkListAndMarkItDoneWithANote() throws Exception {
        long id = server.database().queryForLong("SELECT min(id) FROM follow_up WHERE done_at IS NULL");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}, {Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                page.navigate(server.url("/work-list"));
                problems.addAll(Readability.problems(page, size[0] + "px /work-list"));
                assertThat(page.locator("#follow-ups-title")).isVisible();
                page.locator("a[href='/follow-ups/" + id + "']").click();
                page.waitForURL(server.url("/follow-ups/" + id));
                assertThat(page.locator("h1")).containsText("要対応 第" + id + "号");
                problems.addAll(Readability.problems(page, size[0] + "px /follow-ups/" + id));
                Screenshots.save(page, "15-follow-up-" + size[0]);
            }
        }
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/follow-ups/" + id));
            page.locator("button:has-text('対応済みにする')").click();
            assertThat(page.locator("body")).containsText("何をしたか");
            page.locator("textarea[name=note]").fill("燃料を入れ替えて試運転し、正常に動いた");
            page.locator("button:has-text('対応済みにする')").click();
            assertThat(page.locator("#follow-up-state")).hasText("対応済み");
            assertThat(page.locator("#follow-up-note")).hasText("燃料を入れ替えて試運転し、正常に動いた");
            page.navigate(server.url("/work-list"));
            assertThat(page.locator("a[href='/follow-ups/" + id + "']")).hasCount(0);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
