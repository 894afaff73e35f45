package jp.inochi.disasters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.MailText;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A disaster-day drill on screen, with the demo families of 人吉市: staff declare a typhoon over 人吉市 (a form with a
 * missing name first gets its Japanese error), see the call list, start the safety check; a family answers 無事 through
 * the real signed link from its email and the dashboard counts it; after the reply deadline the others are on the
 * unreached list, where a phone outcome is recorded; the event is closed and its record downloaded. The officer of 玉名市
 * sees nothing of it. The pages fit both widths with readable text and labelled fields.
 */
class CenterStaffRunsADisasterDayDrillTest {
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/family/links/[A-Za-z0-9_.-]+)");
    private static final int SMTP_PORT = freePort();
    private static UiServer server;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server = UiServer.start("disaster", Map.of("javamail.properties.mail.smtp.port", String.valueOf(SMTP_PORT),
                "javamail.properties.mail.smtp.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    void staffDeclareATyphoonAFamilyRepliesByLinkAPhoneOutcomeIsRecordedAndAnotherMunicipalitySeesNothing() throws Exception {
        MovableClock clock = server.context().getBean(MovableClock.class);
        OutboxDelivery delivery = server.context().getBean(OutboxDelivery.class);
        // 人吉市's families: registered there, or with a pin inside its boundary (the demo's coarse boundaries put one
        // 球磨村 family's pin inside 人吉市, so the event includes it, as a municipality area does)
        long affected = server.database().queryForLong("SELECT count(*) FROM household h LEFT JOIN household_place p "
                + "ON p.household_id = h.id WHERE h.municipality_code = '43203' OR p.located_municipality_code = '43203'");
        long safeFamily = server.database().queryForLong("SELECT household_id FROM guardian WHERE email = 'family01@demo.invalid'");
        long phonedFamily = server.database().queryForLong("SELECT household_id FROM guardian WHERE email = 'family02@demo.invalid'");
        String eventName = "令和8年台風第10号（訓練）";
        long eventsBefore = server.database().queryForLong("SELECT count(*) FROM disaster_event");
        String eventPath;
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-disaster-drill", () -> {
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("災害対応").setExact(true)).click();
                assertThat(page.locator("h1")).hasText("災害対応");

                // a form without a name or municipalities is refused field by field, in Japanese, and nothing is declared
                page.locator("#declare-form button[type=submit]").click();
                assertThat(page.locator("#errors-declare")).containsText("名前：災害対応の名前を入力してください");
                assertThat(page.locator("#errors-declare")).containsText("市町村：市町村を1つ以上選んでください");
                assertEquals(eventsBefore, server.database().queryForLong("SELECT count(*) FROM disaster_event"),
                        "nothing declared (the demo's closed drill stays the only one)");
                Screenshots.save(page, "49-disaster-declare-errors");
                Screenshots.saveAtTabletWidth(page, "49-disaster-declare-errors-tablet");

                page.locator("#declare-name").fill(eventName);
                page.locator("#declare-eventType").selectOption("TYPHOON");
                page.locator("#declare-codes input[value='43203']").check();
                page.locator("#declare-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("災害対応を開始しました");
                assertThat(page.locator("h1")).hasText(eventName);
                assertThat(page.locator("#total")).hasText(String.valueOf(affected));
                assertThat(page.locator("#status-NOT_CONTACTED .card-count")).hasText(String.valueOf(affected));
                assertThat(page.locator("#event-map")).hasAttribute("data-household-markers", String.valueOf(affected));
                Screenshots.save(page, "50-disaster-dashboard");
            });
            String eventUrl = page.url();
            eventPath = eventUrl.substring(eventUrl.indexOf("/disasters/"));
            long eventId = Long.parseLong(eventPath.substring("/disasters/".length()));

            Screenshots.onFailure(page, "FAILED-disaster-call-list", () -> {
                page.locator("#open-call-list").click();
                assertThat(page.locator("#count")).hasText(String.valueOf(affected));
                assertThat(page.locator("#households tbody tr").first()).containsText("人工呼吸器");
                assertThat(page.locator("#household-" + safeFamily)).containsText("山田");
                assertThat(page.locator("#csv-download")).hasAttribute("href", "/api/disaster-events/" + eventId + "/call-list?format=csv");
                APIResponse csv = page.request().get(server.url("/api/disaster-events/" + eventId + "/call-list?format=csv"));
                assertEquals(200, csv.status());
                assertTrue(csv.text().contains("山田"), "the CSV is the call list");
                Screenshots.save(page, "51-disaster-call-list");

                // the safety check: one email per family through the outbox
                page.navigate(server.url(eventPath));
                page.locator("#safety-check-replyWithinMinutes").fill("60");
                page.locator("#safety-check-form button[type=submit]").click();
                assertThat(page.locator("#confirm-safety-check")).containsText("安否確認メールを一斉送信します");
                // the preview: the email as a family receives it, who gets it, who goes to the phone list; nothing sent yet
                long emailable = emailable(eventId);
                assertThat(page.locator("#confirm-safety-check")).containsText("メールを送る家族: " + emailable + " 世帯");
                assertThat(page.locator("#confirm-safety-check")).containsText(
                        "メールで連絡できない家族: " + (affected - emailable) + " 世帯");
                assertThat(page.locator("#confirm-safety-check-preview .message-preview-subject"))
                        .containsText("【熊本県医療的ケア児支援センター・安否確認】" + eventName);
                assertThat(page.locator("#confirm-safety-check-preview .message-preview-body")).containsText("さんのご家族様");
                delivery.deliverReady();
                assertEquals(0, emailsAbout(eventName), "no email before the confirmation");
                List<String> previewProblems = new ArrayList<>(Readability.problems(page, "1280px preview"));
                Screenshots.save(page, "51b-disaster-safety-check-preview");
                page.setViewportSize(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT);
                previewProblems.addAll(Readability.problems(page, "820px preview"));
                Screenshots.save(page, "51b-disaster-safety-check-preview-tablet");
                page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);
                assertTrue(previewProblems.isEmpty(), String.join("\n", previewProblems));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、安否確認メールを送信する")).click();
                assertThat(page.locator(".notice-success")).containsText("安否確認を開始しました");
            });
            delivery.deliverReady();
            assertEquals(emailable(Long.parseLong(eventPath.substring("/disasters/".length()))), emailsAbout(eventName),
                    "exactly the previewed count of families is emailed");
            String safeLink = null;
            int toSafeFamily = 0;
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0].toString().contains("family01@demo.invalid")) {
                    toSafeFamily++;
                    Matcher found = LINK.matcher(MailText.part(message, "text/plain"));
                    assertTrue(found.find(), "the email carries its reply links");
                    safeLink = found.group(1);
                }
            }
            assertEquals(1, toSafeFamily, "one safety-check email to the family");

            // the family answers 無事 through the link in the email, without signing in
            try (BrowserContext family = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
                Page familyPage = family.newPage();
                familyPage.navigate(server.url(safeLink));
                assertThat(familyPage.locator("body")).containsText("無事");
                familyPage.locator("button[type=submit]").click();
                familyPage.waitForLoadState();
            }
            Screenshots.onFailure(page, "FAILED-disaster-reply", () -> {
                page.navigate(server.url(eventPath));
                assertThat(page.locator("#status-SAFE_AT_HOME .card-count")).hasText("1");
                assertThat(page.locator("#event-map")).hasAttribute("data-loaded", "true");
            });

            // the outage began two hours ago and power is expected back in two days; the area is checked again
            Screenshots.onFailure(page, "FAILED-disaster-outage", () -> {
                java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Tokyo"))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                page.locator("#outage-outageStartedAt").fill(local.minusHours(2).toString());
                page.locator("#outage-expectedRestorationAt").fill(local.plusDays(2).toString());
                page.locator("#outage-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("停電の開始と電気の復旧見込みを更新しました");
                assertEquals(1, server.database().queryForLong("SELECT count(*) FROM disaster_event WHERE id = " + eventId
                        + " AND outage_started_at IS NOT NULL AND expected_restoration_at IS NOT NULL"));
                page.locator("#reevaluate-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("範囲を確認し直しました");
                assertThat(page.locator("#total")).hasText(String.valueOf(affected));
                assertThat(page.locator("#municipal-access-form")).hasCount(0);
            });

            // only a center admin opens municipal access: the reason is required, then the declaration is made
            try (BrowserContext adminContext = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
                Chromium.withoutBaseMap(adminContext);
                Page admin = server.signIn(adminContext, "admin");
                Screenshots.onFailure(admin, "FAILED-disaster-access", () -> {
                    admin.navigate(server.url(eventPath));
                    admin.locator("#municipal-access-form button[type=submit]").click();
                    assertThat(admin.locator("#errors-municipal-access")).containsText("情報提供の理由を入力してください");
                    assertEquals(0, server.database().queryForLong("SELECT count(*) FROM disaster_event WHERE id = " + eventId
                            + " AND declaration_id IS NOT NULL"));
                    admin.locator("#municipal-access-reason").fill("大雨特別警報（訓練）");
                    admin.locator("#municipal-access-form button[type=submit]").click();
                    assertThat(admin.locator(".notice-success")).containsText("市町村への情報提供（災害宣言）を開始しました");
                    assertEquals(1, server.database().queryForLong("SELECT count(*) FROM disaster_event e JOIN disaster_declaration d "
                            + "ON d.id = e.declaration_id WHERE e.id = " + eventId + " AND '43203' = ANY (d.municipality_codes)"));
                });
            }

            // past the reply deadline, everyone else is to be called
            clock.advance(Duration.ofMinutes(61));
            Screenshots.onFailure(page, "FAILED-disaster-unreached", () -> {
                page.locator("#open-unreached").click();
                assertThat(page.locator("#count")).hasText(String.valueOf(affected - 1));
                assertThat(page.locator("#household-" + safeFamily)).hasCount(0);
                // reached, but without the family's situation: refused with the reason, nothing recorded
                page.locator("#contact-" + phonedFamily + "-outcome").selectOption("REACHED");
                page.locator("#contact-" + phonedFamily + " button[type=submit]").click();
                assertThat(page.locator("#errors-contact")).containsText("連絡がついたときは、ご家族の状況を選んでください");
                assertEquals(0, server.database().queryForLong("SELECT count(*) FROM safety_contact WHERE household_id = "
                        + phonedFamily + " AND method = 'PHONE' AND event_id = " + eventId));
                page.locator("#contact-" + phonedFamily + "-outcome").selectOption("REACHED");
                page.locator("#contact-" + phonedFamily + "-reply").selectOption("EVACUATED");
                page.locator("#contact-" + phonedFamily + "-detail").fill("人吉市役所に避難");
                page.locator("#contact-" + phonedFamily + " button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("電話・訪問の結果を記録しました");
                assertThat(page.locator("#count")).hasText(String.valueOf(affected - 2));
                assertThat(page.locator("#household-" + phonedFamily)).hasCount(0);
                Screenshots.save(page, "52-disaster-unreached");

                page.navigate(server.url(eventPath));
                assertThat(page.locator("#status-EVACUATED .card-count")).hasText("1");
                assertThat(page.locator("#status-UNREACHED .card-count")).hasText(String.valueOf(affected - 2));
            });

            // every page fits both widths, readable and labelled
            List<String> problems = new ArrayList<>();
            for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
                page.setViewportSize(size[0], size[1]);
                for (String path : List.of("/disasters", eventPath, eventPath + "/call-list", eventPath + "/unreached")) {
                    page.navigate(server.url(path));
                    page.waitForLoadState();
                    problems.addAll(Readability.problems(page, size[0] + "px " + path));
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);

            // closing, and the record of who was reached, when and how
            Screenshots.onFailure(page, "FAILED-disaster-close", () -> {
                page.navigate(server.url(eventPath));
                page.locator("#close-reason").fill("訓練終了");
                page.locator("#close-form button[type=submit]").click();
                assertThat(page.locator("#confirm-close")).containsText("を終了します。よろしいですか？");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、終了する")).click();
                assertThat(page.locator(".notice-success")).containsText("災害対応を終了しました");
                assertThat(page.locator("#close-form")).hasCount(0);
                APIResponse record = page.request().get(server.url(page.locator("#record-csv").getAttribute("href")));
                assertEquals(200, record.status());
                assertTrue(record.text().contains("人吉市役所に避難"), "the phone call is in the record");
            });
        }

        // the officer of 玉名市 sees nothing of it
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "tamana");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("災害対応").setExact(true)).click();
            assertThat(page.locator("#no-events")).isVisible();
            assertFalse(page.content().contains(eventName));
            for (String path : List.of(eventPath, eventPath + "/call-list", eventPath + "/unreached")) {
                Response response = page.navigate(server.url(path));
                assertEquals(404, response.status(), path);
                assertFalse(page.content().contains("山田"), path);
            }
        }
    }

    /** The families the preview counts as emailed: consent and an address. */
    private static long emailable(long eventId) throws Exception {
        return server.database().queryForLong("""
                SELECT count(*) FROM disaster_event_household eh JOIN household h ON h.id = eh.household_id
                WHERE eh.event_id = %d AND h.email_contact_consent AND EXISTS (SELECT 1 FROM guardian g
                  WHERE g.household_id = h.id AND btrim(coalesce(g.email, '')) <> '')""".formatted(eventId));
    }

    private static long emailsAbout(String eventName) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(eventName)) {
                count++;
            }
        }
        return count;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
