package jp.inochi.reminders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.ReminderSweep;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reminders on screen, with the demo families: while the mail server is down every attempt fails until the policy
 * gives up; the dashboard counts the failed reminders, staff open one and resend it, it goes out once the server is
 * back; a family reports its plan application from the link in the email, and staff confirm it, which records the plan
 * step on the loan. The staff alerts list the families to call.
 */
class CenterStaffFollowsRemindersTest {
    private static final Pattern REPORT_LINK = Pattern.compile("(http[^\\s\"<]+/family/links/[A-Za-z0-9_.-]+)");
    private static final int SMTP_PORT = freePort();
    private static UiServer server;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        server = UiServer.start("reminders", Map.of("javamail.properties.mail.smtp.port", String.valueOf(SMTP_PORT),
                "javamail.properties.mail.smtp.host", "127.0.0.1", "javamail.properties.mail.smtp.connectiontimeout", "1000"));
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        server.close();
    }

    /** Emails tried and waiting for their next attempt. */
    private static long retrying(UiServer server) throws Exception {
        return server.database().queryForLong("SELECT count(*) FROM outbox_message WHERE state = 'PENDING' AND attempts > 0");
    }

    @Test
    void failedRemindersAreCountedResentAndAFamilyReportIsConfirmed() throws Exception {
        MovableClock clock = server.context().getBean(MovableClock.class);
        ReminderSweep sweep = server.context().getBean(ReminderSweep.class);
        OutboxDelivery delivery = server.context().getBean(OutboxDelivery.class);
        ReminderPolicy policy = server.context().getBean(ReminderPolicy.class);
        clock.set(ZonedDateTime.of(LocalDate.now(JapanTime.ZONE), LocalTime.of(9, 30), JapanTime.ZONE).toInstant());
        sweep.run(clock.instant());
        // The mail server is down: every attempt fails, with growing pauses, until the policy gives up.
        for (int attempt = 1; attempt <= policy.delivery().maxAttempts(); attempt++) {
            delivery.deliverReady();
            clock.advance(policy.delivery().retryDelay(attempt));
        }
        // the demo's other emails (training invitations, safety checks) were queued at the real hour the server started,
        // which the moved clock may just have passed: try whatever is due now and let their retries run out too,
        // so that only the resent email is due below, whatever the hour the suite runs
        for (int round = 0; round <= 2 * policy.delivery().maxAttempts(); round++) {
            delivery.deliverReady();
            if (retrying(server) == 0) {
                break;
            }
            clock.advance(policy.delivery().retryDelay(policy.delivery().maxAttempts()));
        }
        assertEquals(0, retrying(server), "every email due has been tried until it ran out");
        long failed = server.database().queryForLong("SELECT count(*) FROM outbox_message WHERE state = 'FAILED'");
        assertTrue(failed > 0, "the demo families' reminders were given up");

        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-reminders", () -> {
                assertThat(page.locator("#card-reminders-failed .card-count")).hasText(String.valueOf(failed));
                page.locator("#card-reminders-failed a").click();
                assertThat(page.locator("#outbox")).containsText("送信失敗（再試行を終了）");
                Screenshots.save(page, "40-outbox-failed");
                page.locator("#outbox tbody tr", new Page.LocatorOptions().setHasText("ご家族へのお知らせ"))
                        .first().locator("a").first().click();
                assertThat(page.locator("#message-state")).hasText("送信失敗（再試行を終了）");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("再送する")).click();
                assertThat(page.locator(".notice-success")).containsText("メールを再送します");
                assertThat(page.locator("#message-state")).hasText("送信待ち");
                String resent = page.url();

                smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
                page.navigate(server.url("/reminders?tab=outbox"));
                assertThat(page.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("送信中・再送待ち（1）").setExact(true))).isVisible();
                delivery.deliverReady();
                // everything due has gone: staff see 0, whatever waits for a later hour
                page.navigate(server.url("/reminders?tab=outbox"));
                assertThat(page.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("送信中・再送待ち（0）").setExact(true))).isVisible();
                assertThat(page.locator("ul.tabs[aria-label='状態で絞り込む']")).containsText("送信待ち（予定時刻前）");
                page.navigate(resent);
                assertThat(page.locator("#message-state")).hasText("送信済み");
                assertThat(page.locator("pre.mail-text")).containsText("さんのご家族様");
                Screenshots.save(page, "41-outbox-message-resent");

                // The family reports the plan application from the link in the email (no sign-in).
                String link = null;
                for (MimeMessage message : smtp.getReceivedMessages()) {
                    Matcher found = REPORT_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                    if (found.find()) {
                        link = found.group(1);
                    }
                }
                org.junit.jupiter.api.Assertions.assertNotNull(link, "the resent email offers the family a link to report");
                {
                    try (BrowserContext family = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
                        Page familyPage = family.newPage();
                        familyPage.navigate(server.url(link.substring(link.indexOf("/family/links/"))));
                        familyPage.locator("button[type=submit]").click();
                        assertThat(familyPage.locator("body")).containsText("受け付けました");
                    }
                    page.navigate(server.url("/reminders?tab=reports"));
                    assertThat(page.locator(".panel").first()).containsText("確認待ち");
                    Screenshots.save(page, "42-family-reports");
                    var report = page.locator(".panel", new Page.LocatorOptions().setHasText("確認待ち")).first();
                    report.locator("textarea[name=note]").fill("ご家族と電話で調整し、12月5日10時に訪問します");
                    report.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("確認する")).click();
                    assertThat(page.locator(".notice-success")).containsText("ご家族からの報告を確認しました");
                }

                page.navigate(server.url("/reminders?tab=alerts"));
                assertThat(page.locator("#alerts")).isVisible();
                Screenshots.save(page, "43-staff-alerts");

                long loan = server.database().queryForLong("SELECT min(loan_id) FROM reminder WHERE state = 'SENT'");
                page.navigate(server.url("/loans/" + loan + "#reminders"));
                assertThat(page.locator("#reminders + .table-wrap")).containsText("送信済み");
                Screenshots.save(page, "44-loan-reminders");
            });
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
