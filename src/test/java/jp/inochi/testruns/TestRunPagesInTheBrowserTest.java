package jp.inochi.testruns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testruns.model.TestRunAnswer;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The family's reply pages of the monthly test run and the staff's device, loan and follow-up pages showing it, on
 * the demo data at 1280 and 820 px.
 */
class TestRunPagesInTheBrowserTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("test-runs");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The path of a fresh reply link for the test run (the email's address is another host's). */
    private static String replyPath(TestRunAnswer answer, long testRunId) {
        String url = server.context().getBean(TestRunLinks.class).url(answer, testRunId,
                Instant.now().plus(30, ChronoUnit.DAYS));
        return url.substring(url.indexOf(TestRunLinks.PATH));
    }

    @Test
    void aFamilyAnswersWithOneClickAndDescribesTheProblemAtBothWidths() throws Exception {
        long asked = server.database().queryForLong("SELECT min(id) FROM test_run WHERE answer IS NULL");
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = context.newPage();
            page.navigate(server.url(replyPath(TestRunAnswer.OK, asked)));
            assertThat(page.locator("h1")).hasText("ご回答ありがとうございます");
            assertThat(page.locator(".answer")).containsText("正常に動いた");
            problems.addAll(Readability.problems(page, "1280px ok reply"));
            page.reload();
            assertThat(page.locator("h1")).hasText("ご回答は記録済みです");
            String path = replyPath(TestRunAnswer.OK, asked);
            page.navigate(server.url(path.substring(0, path.length() - 3) + "xyz"));
            assertThat(page.locator("h1")).hasText("このリンクは正しくありません");
            problems.addAll(Readability.problems(page, "1280px tampered reply"));
        }
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = context.newPage();
            page.navigate(server.url(replyPath(TestRunAnswer.PROBLEM, asked)));
            assertThat(page.locator(".answer")).containsText("問題があった");
            assertThat(page.locator("label[for=description]")).containsText("どんな問題でしたか");
            problems.addAll(Readability.problems(page, "820px problem reply"));
            page.click("button[type=submit]");
            assertThat(page.locator("#description-error")).containsText("問題の様子を書いてから送ってください");
            page.fill("#description", "エンジンがかからなかった");
            page.click("button[type=submit]");
            assertThat(page.locator("h1")).hasText("問題の様子を受け付けました");
            problems.addAll(Readability.problems(page, "820px described"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDeviceLoanAndFollowUpPagesShowTheLastTestRunAtBothWidths() throws Exception {
        long broken = server.database().queryForLong(
                "SELECT min(id) FROM test_run WHERE answer = 'PROBLEM' AND problem_description LIKE '%デモ%'");
        long device = server.database().queryForLong("SELECT device_id FROM test_run WHERE id = " + broken);
        long loan = server.database().queryForLong("SELECT loan_id FROM test_run WHERE id = " + broken);
        long followUp = server.database().queryForLong("SELECT id FROM follow_up WHERE test_run_id = " + broken);
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                page.navigate(server.url("/devices/" + device));
                assertThat(page.locator("#last-test-run")).containsText("問題があった");
                assertThat(page.locator("#last-test-run")).containsText("令和");
                assertThat(page.locator("#last-test-run")).containsText("年次確認での試運転");
                problems.addAll(Readability.problems(page, size[0] + "px device"));
                page.navigate(server.url("/loans/" + loan));
                assertThat(page.locator("#test-run-" + broken)).containsText("数分で止まってしまった");
                problems.addAll(Readability.problems(page, size[0] + "px loan"));
                page.navigate(server.url("/work-list"));
                page.click("a[href='/follow-ups/" + followUp + "']");
                assertThat(page.locator("#follow-up-test-run")).containsText("問題があった");
                assertThat(page.locator("#follow-up-test-run-description")).containsText("数分で止まってしまった");
                problems.addAll(Readability.problems(page, size[0] + "px follow-up"));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
