package jp.inochi.disasters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A coordinator phones from the call sheet of a typhoon over 人吉市 and 球磨村 (the demo families and 60 more of 人吉市,
 * so the list has two pages): results recorded from the rows leave the page where it is and the unreached list
 * shrinks; without the script the form answers 303 back to the same filters, page and row; each filter narrows; the
 * sheet fits 1,280 and 820 px and prints on A4 landscape with blank columns; an officer sees and records only their
 * own households.
 */
class CoordinatorPhonesFromTheCallSheetTest {
    private static UiServer server;
    private static String eventPath;
    private static long affected;

    @BeforeAll
    static void start() throws Exception {
        server = UiServer.start("call_sheet");
        copyHouseholdsOfHitoyoshi(60);
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/disasters"));
            page.locator("#declare-name").fill("令和8年台風第14号（電話の訓練）");
            page.locator("#declare-eventType").selectOption("TYPHOON");
            page.locator("#declare-codes input[value='43203']").check();
            page.locator("#declare-codes input[value='43513']").check();
            page.locator("#declare-form button[type=submit]").click();
            assertThat(page.locator(".notice-success")).containsText("災害対応を開始しました");
            eventPath = page.url().substring(page.url().indexOf("/disasters/"));
            affected = Long.parseLong(page.locator("#total").textContent().strip());
        }
        // the safety check starts and its reply time passes: everyone not yet reached is to be phoned
        long eventId = Long.parseLong(eventPath.substring("/disasters/".length()));
        long staff = server.database().queryForLong("SELECT id FROM app_user WHERE username = 'staff'");
        Viewer viewer = new Viewer(staff, "staff", "センター職員（デモ）", Role.CENTER_STAFF, null, null, "127.0.0.1");
        SafetyChecks checks = server.context().getBean(SafetyChecks.class);
        DisasterEvent event = server.context().getBean(DisasterEvents.class).get(viewer, eventId);
        String confirmation = server.context().getBean(SafetyCheckPreview.class)
                .preview(viewer, event, Duration.ofMinutes(60), null, "test").confirmation();
        checks.start(viewer, event, Duration.ofMinutes(60), null, confirmation, "test");
        server.context().getBean(MovableClock.class).advance(Duration.ofMinutes(61));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void resultsRecordedFromTheRowsKeepThePageAndTheUnreachedListShrinks() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(eventPath + "/unreached"));
            long unreachedBefore = Long.parseLong(page.locator("#count").textContent().strip());
            assertTrue(unreachedBefore > 50, "two pages to phone: " + unreachedBefore);

            page.navigate(server.url(eventPath + "/call-list?page=2"));
            String url = page.url();
            List<Long> rows = CallSheetPages.householdsShown(page);
            assertTrue(rows.size() >= 4, "rows on page 2: " + rows);
            // a family reached without its state is refused in its row, in Japanese, and nothing is recorded
            Locator first = page.locator("#row-" + rows.get(0));
            first.locator("select[name=outcome]").selectOption("REACHED");
            first.locator("button[type=submit]").click();
            assertThat(page.locator("#row-" + rows.get(0) + " #errors-contact")).containsText("ご家族の状況を選んでください");
            assertEquals(0, contacts(rows.get(0)));
            // three families reached, one not answering: each row updates where it is
            String[] states = {"SAFE_AT_HOME", "EVACUATED", "NEEDS_POWER"};
            for (int i = 0; i < 3; i++) {
                Locator row = page.locator("#row-" + rows.get(i));
                row.locator("select[name=outcome]").selectOption("REACHED");
                row.locator("select[name=reply]").selectOption(states[i]);
                row.locator("input[name=detail]").fill("人吉市役所");
                row.locator("input[name=needs]").fill("発電機");
                row.locator("input[name=note]").fill("折り返し不要");
                row.locator("button[type=submit]").click();
                assertThat(page.locator("#row-" + rows.get(i) + " .row-notice")).containsText("電話・訪問の結果を記録しました");
            }
            Locator unanswered = page.locator("#row-" + rows.get(3));
            unanswered.locator("select[name=outcome]").selectOption("NO_ANSWER");
            unanswered.locator("button[type=submit]").click();
            assertThat(page.locator("#row-" + rows.get(3) + " .row-notice")).isVisible();
            assertThat(page.locator("#row-" + rows.get(3) + " td.latest")).containsText("応答なし");
            assertThat(page.locator("#row-" + rows.get(0) + " td.latest")).containsText("無事");
            assertEquals(url, page.url(), "the page never reloaded");
            assertEquals("居場所：人吉市役所／必要な支援：発電機／メモ：折り返し不要", server.database().queryForString(
                    "SELECT detail FROM safety_contact WHERE household_id = ? AND method = 'PHONE'", rows.get(0)));
            Screenshots.save(page, "53-call-sheet-recorded-in-place");

            // the unreached list shrank by the three reached, and records in place too: the reached row leaves it
            page.navigate(server.url(eventPath + "/unreached"));
            assertThat(page.locator("#count")).hasText(String.valueOf(unreachedBefore - 3));
            long next = CallSheetPages.householdsShown(page).get(0);
            Locator row = page.locator("#row-" + next);
            row.locator("select[name=outcome]").selectOption("REACHED");
            row.locator("select[name=reply]").selectOption("NEEDS_HELP");
            row.locator("button[type=submit]").click();
            assertThat(page.locator("#row-" + next + ".call-row-left")).containsText("未確認の一覧から外れました");
            assertThat(page.locator("#household-" + next)).hasCount(0);
            assertThat(page.locator("#count")).hasText(String.valueOf(unreachedBefore - 4));
            assertTrue(page.url().endsWith("/unreached"));
        }
    }

    @Test
    void withoutTheScriptTheFormAnswers303ToTheRowsAnchorWithTheFiltersKept() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(eventPath + "/unreached?municipality=43203&power=72&page=2"));
            long household = CallSheetPages.householdsShown(page).get(0);
            String csrf = page.locator("#contact-" + household + " input[name=_csrf]").inputValue();
            APIResponse response = page.request().post(server.url(eventPath + "/households/" + household + "/contacts"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)
                            .set("list", "unreached").set("municipality", "43203").set("power", "72").set("page", "2")
                            .set("method", "PHONE").set("outcome", "NO_ANSWER")));
            assertEquals(303, response.status());
            assertEquals(eventPath + "/unreached?municipality=43203&power=72&page=2#row-" + household,
                    response.headers().get("location"));
            assertEquals(1, contacts(household));
            // a refusal without the script is the whole page again, with the error in the row
            APIResponse refused = page.request().post(server.url(eventPath + "/households/" + household + "/contacts"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)
                            .set("list", "unreached").set("method", "PHONE").set("outcome", "REACHED")));
            assertEquals(400, refused.status());
            assertTrue(refused.text().contains("ご家族の状況を選んでください"));
            assertEquals(1, contacts(household));
        }
    }

    @Test
    void thePageCarriesTheResultFormOnceAndEveryRowGetsItsOwnCopy() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            String html = page.request().get(server.url(eventPath + "/call-list")).text();
            assertEquals(1, html.split("class=\"row-form ", -1).length - 1, "one blank form in the page's HTML");
            page.navigate(server.url(eventPath + "/call-list"));
            List<Long> rows = CallSheetPages.householdsShown(page);
            assertEquals(rows.size(), page.locator("form.row-form").count(), "a form in every row");
            long last = rows.get(rows.size() - 1);
            Locator form = page.locator("#row-" + last + " form.row-form");
            assertThat(form).hasAttribute("id", "contact-" + last);
            assertThat(form).hasAttribute("action", eventPath + "/households/" + last + "/contacts");
            assertThat(form.locator("label[for='contact-" + last + "-outcome']")).hasText("結果");
            assertThat(page.locator("#contact-" + last + "-outcome")).isVisible();
        }
    }

    @Test
    void withoutTheScriptARowOpensItsOwnFormAndTheResultReturnsToTheRow() throws Exception {
        try (BrowserContext context = Chromium.newContextWithoutScripts(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(eventPath + "/call-list?ventilator=1"));
            assertThat(page.locator("form.row-form")).hasCount(0);
            long household = CallSheetPages.householdsShown(page).get(1);
            long before = contacts(household);
            page.locator("#row-" + household + " .row-form-slot a").click();
            assertTrue(page.url().contains("ventilator=1") && page.url().contains("record=" + household), page.url());
            assertThat(page.locator("form.row-form")).hasCount(1);
            Locator form = page.locator("#contact-" + household);
            assertThat(form).isVisible();
            form.locator("select[name=outcome]").selectOption("NO_ANSWER");
            form.locator("button[type=submit]").click();
            assertTrue(page.url().endsWith("ventilator=1#row-" + household), page.url());
            assertEquals(before + 1, contacts(household));
            assertThat(page.locator("#row-" + household + " td.latest")).containsText("応答なし");
        }
    }

    @Test
    void eachFilterNarrowsTheListAndPageTwoFollows() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(eventPath + "/call-list"));
            assertThat(page.locator("#count")).hasText(String.valueOf(affected));
            assertEquals(50, page.locator("tbody.call-row").count());
            assertThat(page.locator(".list-total")).hasText("全" + affected + "件中 1〜50件");
            page.locator(".pager-next").click();
            assertThat(page.locator(".list-total")).hasText("全" + affected + "件中 51〜" + affected + "件");
            assertEquals(affected - 50, page.locator("tbody.call-row").count());
            assertThat(page.locator("tbody.call-row td.rank").first()).hasText("51");

            page.navigate(server.url(eventPath + "/call-list"));
            page.locator("#filter-municipality").selectOption("43513");
            page.locator("#filters button[type=submit]").click();
            assertTrue(page.url().contains("municipality=43513"));
            long kuma = Long.parseLong(page.locator("#count").textContent().strip());
            assertTrue(kuma > 0 && kuma < affected, "球磨村 only: " + kuma);
            for (String address : page.locator("tbody.call-row .row-facts dd.address").allTextContents()) {
                assertTrue(address.contains("球磨村"), address);
            }

            page.navigate(server.url(eventPath + "/call-list?ventilator=1"));
            long ventilator = Long.parseLong(page.locator("#count").textContent().strip());
            assertTrue(ventilator > 0 && ventilator < affected);
            assertEquals(page.locator("tbody.call-row").count(), page.locator("tbody.call-row .badge:text('人工呼吸器')").count());

            for (int band : new int[]{6, 24, 72}) {
                page.navigate(server.url(eventPath + "/call-list?power=" + band));
                for (String hours : page.locator("tbody.call-row td.power strong").allTextContents()) {
                    assertTrue(Double.parseDouble(hours.replace("時間", "")) < band, band + ": " + hours);
                }
            }
            page.navigate(server.url(eventPath + "/call-list?status=SAFE_AT_HOME"));
            for (String status : page.locator("tbody.call-row td.latest .status").allTextContents()) {
                assertEquals("無事・在宅継続", status);
            }
            page.navigate(server.url(eventPath + "/unreached?status=NOT_EMAILED"));
            long notEmailed = Long.parseLong(page.locator("#count").textContent().strip());
            page.navigate(server.url(eventPath + "/unreached"));
            assertTrue(notEmailed < Long.parseLong(page.locator("#count").textContent().strip()));

            // the dashboard's status cards open their own filtered list
            page.navigate(server.url(eventPath));
            assertThat(page.locator("#status-SAFE_AT_HOME a")).hasAttribute("href", eventPath + "/call-list?status=SAFE_AT_HOME");
            assertThat(page.locator("#status-UNREACHED a")).hasAttribute("href", eventPath + "/unreached");
        }
    }

    @Test
    void theSheetFitsBothWidthsWithNamesAndPhonesOnOneLineAndPrintsOnA4Landscape() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                for (String path : List.of(eventPath + "/call-list", eventPath + "/unreached", eventPath + "/call-list?page=2")) {
                    page.navigate(server.url(path));
                    problems.addAll(CallSheetPages.fitProblems(page, size[0], path));
                }
                Screenshots.save(page, "54-call-sheet" + (size[0] == Chromium.TABLET_WIDTH ? "-tablet" : ""));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(eventPath + "/call-list"));
            CallSheetPages.assertPrintsOnA4Landscape(page);
        }
    }

    @Test
    void anOfficerSeesAndRecordsOnlyTheirOwnFamilies() throws Exception {
        long hitoyoshiFamily = server.database().queryForLong("SELECT max(id) FROM household WHERE municipality_code = '43203'");
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "kuma");
            page.navigate(server.url(eventPath + "/call-list"));
            List<String> options = page.locator("#filter-municipality option").allTextContents();
            assertEquals(List.of("すべて", "球磨村"), options);
            assertThat(page.locator("#household-" + hitoyoshiFamily)).hasCount(0);
            long kumaCount = Long.parseLong(page.locator("#count").textContent().strip());
            assertTrue(kumaCount > 0 && kumaCount < affected);
            String csrf = page.locator("form.row-form input[name=_csrf]").first().inputValue();
            APIResponse response = page.request().post(server.url(eventPath + "/households/" + hitoyoshiFamily + "/contacts"),
                    RequestOptions.create().setMaxRedirects(0).setHeader("X-Inochi-Row", "1").setForm(FormData.create()
                            .set("_csrf", csrf).set("list", "call-list").set("method", "PHONE").set("outcome", "NO_ANSWER")));
            assertEquals(404, response.status());
            assertFalse(response.text().contains("写"), "nothing of the other municipality's family");
            assertEquals(0, server.database().queryForLong("SELECT count(*) FROM safety_contact WHERE household_id = ? "
                    + "AND recorded_by = (SELECT id FROM app_user WHERE username = 'kuma')", hitoyoshiFamily));
        }
    }

    private static long contacts(long household) throws Exception {
        return server.database().queryForLong("SELECT count(*) FROM safety_contact WHERE household_id = ? AND method = 'PHONE'",
                household);
    }

    /** Copies of a 人吉市 family with given names 写1, 写2…, so the call list runs past one page. */
    private static void copyHouseholdsOfHitoyoshi(int copies) throws Exception {
        try (Connection connection = server.database().connect(); Statement statement = connection.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = "
                    + "'household' AND table_schema = current_schema() AND column_name <> 'id' AND is_generated = 'NEVER' "
                    + "AND is_identity = 'NO' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String into = String.join(", ", columns);
            String select = String.join(", ", columns.stream()
                    .map(c -> c.equals("child_given_name") ? "'写' || g" : "h." + c).toList());
            statement.executeUpdate("INSERT INTO household (" + into + ") SELECT " + select + " FROM household h "
                    + "CROSS JOIN generate_series(1, " + copies + ") g WHERE h.id = (SELECT min(id) FROM household "
                    + "WHERE municipality_code = '43203')");
        }
    }
}
