package jp.inochi.disasters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.households.GuardianRepository;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerImporter;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.outbox.OutboxDelivery;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 13), the drill in the browser on real data: the 人吉/球磨 flood subset and the GSI shelters through
 * the real importer, 200 synthetic homes around the 町字 points of 人吉市 and 球磨村. Center staff declare a typhoon
 * over every flood zone through the pages; the call sheet is the independently computed call order and has no
 * page-level horizontal scroll at 1,280 or 820 px; the safety check's preview counts the families an independent query
 * says can be emailed, and GreenMail receives none before the confirmation and exactly those after; after the reply time,
 * ten results recorded from the rows keep the page where it was (no reload, same URL and scroll), and the unreached list
 * is then the call order less exactly those ten; the sheet prints on A4 landscape with 取扱注意 and blank write-in columns.
 */
class TyphoonDrillOnTheRealFloodSubsetTest {
    private static final int HOMES = 200;
    private static final int MIN_SEVERITY = 1;
    private static final List<String> STATES = List.of("SAFE_AT_HOME", "EVACUATED", "NEEDS_POWER", "NEEDS_HELP");
    private static final List<String> STATE_LABELS = List.of("無事・在宅継続", "避難済み", "電源が必要", "支援が必要");
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static UiServer server;
    private static GreenMail smtp;
    private static ImportReport flood;
    private static Set<Long> drillHomes;

    @BeforeAll
    static void start() throws Exception {
        // 200 homes on a shared machine: a row's answer may take longer than the 5 s the assertions wait by default
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = UiServer.start("typhoon_drill", Map.of("javamail.properties.mail.smtp.port",
                String.valueOf(smtp.getSmtp().getPort()), "javamail.properties.mail.smtp.host", "127.0.0.1"));
        flood = DrillLayers.importFloodAndShelters(server.context().getBean(LayerImporter.class), RUN);
        drillHomes = DrillFamilies.place(server.context().getBean(HouseholdRepository.class),
                server.context().getBean(GuardianRepository.class), RUN, HOMES).keySet();
    }

    @AfterAll
    static void stop() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        server.close();
        smtp.stop();
    }

    @Test
    void aTyphoonDeclaredOnScreenGivesACallSheetInCallOrderTenCallsRecordedInPlaceAndAPreviewedSafetyCheck()
            throws Exception {
        MovableClock clock = server.context().getBean(MovableClock.class);
        OutboxDelivery delivery = server.context().getBean(OutboxDelivery.class);
        // on the hour, three hours after the power went out, so the power left is whole tenths of an hour
        clock.set(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        Instant outage = clock.instant().minus(Duration.ofHours(3));
        String eventName = "令和8年台風第10号 画面の訓練 " + RUN;
        List<Long> callOrder = ids(independent(3.0));
        assertTrue(callOrder.stream().filter(drillHomes::contains).count() >= 60,
                "many of the 200 homes lie in the flood zones: " + callOrder.size());

        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            String[] eventPath = new String[1];
            Screenshots.onFailure(page, "FAILED-typhoon-drill-declare", () -> {
                page.navigate(server.url("/disasters"));
                page.locator("#declare-name").fill(eventName);
                page.locator("#declare-eventType").selectOption("TYPHOON");
                page.locator("#declare-outageStartedAt").fill(LocalDateTime.ofInstant(outage, JapanTime.ZONE).toString());
                page.locator("#declare-areaKind input[value=HAZARD_ZONES]").check();
                page.locator("#declare-layerId").selectOption(String.valueOf(flood.layerId()));
                page.locator("#declare-minSeverity").selectOption(String.valueOf(MIN_SEVERITY));
                page.locator("#declare-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("災害対応を開始しました");
                assertThat(page.locator("#total")).hasText(String.valueOf(callOrder.size()));
                eventPath[0] = page.url().substring(page.url().indexOf("/disasters/"));
            });
            long eventId = Long.parseLong(eventPath[0].substring("/disasters/".length()));
            assertEquals("TYPHOON", server.database().queryForString("SELECT event_type FROM disaster_event WHERE id = ?",
                    eventId));

            // the call sheet, page after page, is the call order; no page scrolls sideways at 1,280 or 820 px
            Screenshots.onFailure(page, "FAILED-typhoon-drill-call-sheet", () -> {
                page.locator("#open-call-list").click();
                assertThat(page.locator("#count")).hasText(String.valueOf(callOrder.size()));
                Screenshots.save(page, "55-typhoon-drill-call-sheet");
                assertEquals(callOrder, walk(page, eventPath[0] + "/call-list", Chromium.DESKTOP_WIDTH),
                        "the rows, page after page, in the call order computed apart");
            });
            page.setViewportSize(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT);
            assertEquals(callOrder, walk(page, eventPath[0] + "/call-list", Chromium.TABLET_WIDTH));
            page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);

            // the safety check: the preview counts who can be emailed; nothing goes before the confirmation
            List<String> emailable = emailableAddresses(eventId);
            Screenshots.onFailure(page, "FAILED-typhoon-drill-safety-check", () -> {
                page.navigate(server.url(eventPath[0]));
                page.locator("#safety-check-replyWithinMinutes").fill("60");
                page.locator("#safety-check-form button[type=submit]").click();
                assertThat(page.locator("#confirm-safety-check")).containsText("メールを送る家族: " + emailable.size()
                        + " 世帯（対象 " + callOrder.size() + " 世帯のうち");
                assertThat(page.locator("#confirm-safety-check")).containsText("メールで連絡できない家族: "
                        + (callOrder.size() - emailable.size()) + " 世帯");
                delivery.deliverReady();
                assertEquals(List.of(), recipients(eventName), "no email before the confirmation");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                        .setName("はい、安否確認メールを送信する（" + emailable.size() + " 世帯）")).click();
                assertThat(page.locator(".notice-success")).containsText("安否確認を開始しました");
            });
            delivery.deliverReady();
            assertEquals(emailable, recipients(eventName), "one email to each family the preview counted, no other");

            // nobody replied within the hour: every family is to be phoned, in the call order an hour on
            clock.advance(Duration.ofMinutes(60));
            List<Long> fourHoursOn = ids(independent(4.0));
            assertEquals(new HashSet<>(callOrder), new HashSet<>(fourHoursOn));
            assertEquals(fourHoursOn, walk(page, eventPath[0] + "/unreached", Chromium.DESKTOP_WIDTH));

            // ten results recorded from the rows of the call sheet, where the coordinator is on the page
            List<Long> phoned = new ArrayList<>();
            Screenshots.onFailure(page, "FAILED-typhoon-drill-record", () -> {
                page.navigate(server.url(eventPath[0] + "/call-list"));
                String url = page.url();
                // where the page and the row were when the form was sent (the click itself may scroll the button into view)
                page.evaluate("() => { window.drillMark = 'not reloaded'; document.addEventListener('submit', e => {"
                        + " window.atSubmit = {scrollY: window.scrollY,"
                        + " rowTop: e.target.closest('tbody').getBoundingClientRect().top}; }, true); }");
                List<Long> rows = CallSheetPages.householdsShown(page);
                for (int i = 0; i < 10; i++) {
                    long household = rows.get(20 + i);
                    phoned.add(household);
                    Locator row = page.locator("#row-" + household);
                    row.locator("select[name=outcome]").selectOption("REACHED");
                    row.locator("select[name=reply]").selectOption(STATES.get(i % 4));
                    row.locator("input[name=detail]").fill("訓練" + i);
                    row.locator("button[type=submit]").click();
                    assertThat(page.locator("#row-" + household + " .row-notice")).containsText("電話・訪問の結果を記録しました");
                    assertThat(page.locator("#row-" + household + " td.latest .status")).hasText(STATE_LABELS.get(i % 4));
                    assertEquals(atSubmit(page, "scrollY"), scrollY(page), 1.0, "the page did not scroll: row " + household
                            + " (call " + (i + 1) + ")");
                    assertEquals(atSubmit(page, "rowTop"), top(page, household), 1.0, "the row stayed where it was: " + household);
                }
                assertEquals("not reloaded", page.evaluate("() => window.drillMark"), "the page never reloaded");
                assertEquals(url, page.url());
                assertThat(page.locator("#count")).hasText(String.valueOf(callOrder.size()));
                Screenshots.save(page, "56-typhoon-drill-recorded-in-place");
            });
            for (int i = 0; i < phoned.size(); i++) {
                assertEquals(STATES.get(i % 4) + " 訓練" + i, server.database().queryForString("SELECT reply || ' ' || "
                        + "split_part(detail, '／', 1) FROM safety_contact WHERE event_id = ? AND household_id = ? "
                        + "AND method = 'PHONE' AND outcome = 'REACHED'", eventId, phoned.get(i)).replace("居場所：", ""));
            }

            // the unreached list lost exactly the ten reached, and kept its order
            List<Long> stillUnreached = new ArrayList<>(fourHoursOn);
            stillUnreached.removeAll(phoned);
            page.navigate(server.url(eventPath[0] + "/unreached"));
            assertThat(page.locator("#count")).hasText(String.valueOf(callOrder.size() - 10));
            assertEquals(stillUnreached, walk(page, eventPath[0] + "/unreached", Chromium.DESKTOP_WIDTH));
            page.setViewportSize(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT);
            assertEquals(stillUnreached, walk(page, eventPath[0] + "/unreached", Chromium.TABLET_WIDTH));
            page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);

            // the sheet on paper: A4 landscape, 取扱注意, an empty write-in cell on every row
            Screenshots.onFailure(page, "FAILED-typhoon-drill-print", () -> {
                page.navigate(server.url(eventPath[0] + "/call-list"));
                CallSheetPages.assertPrintsOnA4Landscape(page);
                int rows = page.locator("tbody.call-row").count();
                assertEquals(Math.min(50, callOrder.size()), rows);
                List<String> writeIns = page.locator("tbody.call-row td.write-in").allInnerTexts();
                assertEquals(rows, writeIns.size(), "a write-in cell on every row");
                assertTrue(writeIns.stream().allMatch(String::isBlank), "left blank for the pen");
                assertThat(page.locator("tbody.call-row td.write-in").first()).isVisible();
                assertTrue(page.locator("tbody.call-row td.write-in").first().boundingBox().width >= 80,
                        "wide enough to write in");
                Screenshots.save(page, "57-typhoon-drill-print");
            });
        }
    }

    /**
     * Every page of a list from the first, checking each fits the window (no page-level horizontal scroll, no wide
     * table, names and phones on one line) and that ranks run on; returns the households in the order shown.
     */
    private static List<Long> walk(Page page, String path, int width) {
        List<Long> shown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int number = 1; ; number++) {
            String url = path + "?page=" + number;
            page.navigate(server.url(url));
            List<Long> rows = CallSheetPages.householdsShown(page);
            if (rows.isEmpty()) {
                break;
            }
            boolean scrolls = (Boolean) page.evaluate("() => document.scrollingElement.scrollWidth "
                    + "> document.scrollingElement.clientWidth");
            if (scrolls) {
                problems.add(width + "px " + url + ": the page scrolls sideways");
            }
            problems.addAll(CallSheetPages.fitProblems(page, width, url));
            shown.addAll(rows);
            if (rows.size() < 50) {
                break;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        return shown;
    }

    private static List<IndependentCallList.Expected> independent(double hoursWithoutPower) throws SQLException {
        try (Connection connection = server.database().connect()) {
            return IndependentCallList.of(connection, flood.versionId(), MIN_SEVERITY, hoursWithoutPower);
        }
    }

    private static List<Long> ids(List<IndependentCallList.Expected> expected) {
        return expected.stream().map(IndependentCallList.Expected::id).toList();
    }

    /** Who can be emailed among the event's households, by the rule: consent, and a guardian's address (the first). */
    private static List<String> emailableAddresses(long eventId) throws SQLException {
        List<String> addresses = new ArrayList<>();
        try (Connection connection = server.database().connect(); var select = connection.prepareStatement("""
                SELECT (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND btrim(g.email) <> ''
                        ORDER BY g.position LIMIT 1) AS address
                FROM disaster_event_household eh JOIN household h ON h.id = eh.household_id
                WHERE eh.event_id = ? AND h.email_contact_consent""")) {
            select.setLong(1, eventId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        addresses.add(rows.getString(1));
                    }
                }
            }
        }
        return addresses.stream().sorted().toList();
    }

    private static List<String> recipients(String eventName) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(eventName)) {
                to.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
            }
        }
        return to.stream().sorted().toList();
    }

    private static double scrollY(Page page) {
        return ((Number) page.evaluate("() => window.scrollY")).doubleValue();
    }

    private static double atSubmit(Page page, String what) {
        return ((Number) page.evaluate("what => window.atSubmit[what]", what)).doubleValue();
    }

    private static double top(Page page, long household) {
        return ((Number) page.evaluate("id => document.getElementById('row-' + id).getBoundingClientRect().top",
                String.valueOf(household))).doubleValue();
    }
}
