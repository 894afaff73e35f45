package jp.inochi.disasters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A typhoon over 人吉市 and 球磨村, on screen: the admin declares it for the municipalities, the declaration says 台風
 * (the officer's header too, never 洪水 by default) and the page no longer offers to declare again; a one-minute
 * reply window is refused where the admin is, in minutes; the declaration is extended, the event closed while the
 * declaration runs on (the close asks), and the declaration then ended on its own (asked first). 球磨村's officer
 * counts only 球磨村's families. Both widths, readable.
 */
class TyphoonDeclarationOnTheEventPageTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("declaration");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTyphoonDeclarationSaysTyphoonIsExtendedOutlivesTheEventWhenAskedAndEndsOnItsOwn() throws Exception {
        MovableClock clock = server.context().getBean(MovableClock.class);
        List<String> problems = new ArrayList<>();
        String eventPath;
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "admin");
            Screenshots.onFailure(page, "FAILED-typhoon-declaration", () -> {
                page.navigate(server.url("/disasters"));
                page.locator("#declare-name").fill("令和8年台風第14号（宣言の試験）");
                page.locator("#declare-eventType").selectOption("TYPHOON");
                page.locator("#declare-codes input[value='43203']").check();
                page.locator("#declare-codes input[value='43513']").check();
                page.locator("#declare-form button[type=submit]").click();
                assertThat(page.locator("#declaration-status")).hasText("なし");
                page.locator("#municipal-access-reason").fill("台風第14号の接近（試験）");
                page.locator("#municipal-access-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("災害宣言");
                assertThat(page.locator("#declaration-hazard")).hasText("台風");
                assertThat(page.locator("#declaration-state")).hasText("発令中");
                assertThat(page.locator("#declaration-ends")).containsText("終了予定");
                assertThat(page.locator("#municipal-access-form")).hasCount(0);
                problems.addAll(Readability.problems(page, "1280px declared event"));
                Screenshots.save(page, "60-typhoon-declared");

                // a one-minute window: refused before anything is asked, in minutes, where the admin is
                page.locator("#safety-check-replyWithinMinutes").fill("1");
                page.locator("#safety-check-form button[type=submit]").click();
                Locator errors = page.locator("#errors-safety-check");
                assertThat(errors).containsText("15分から4320分（72時間）");
                assertThat(page.locator("#confirm-safety-check")).hasCount(0);
                assertInView(page, errors);
                assertEquals("errors-safety-check", page.evaluate("document.activeElement.id"), "the summary has the focus");
                Screenshots.save(page, "61-reply-window-error");
            });
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("/disasters/(\\d+)").matcher(page.url());
            assertTrue(id.find(), page.url());
            eventPath = "/disasters/" + id.group(1);
        }
        long eventId = Long.parseLong(eventPath.substring("/disasters/".length()));
        long kumaSees = server.database().queryForLong("SELECT count(*) FROM disaster_event_household eh JOIN household h "
                + "ON h.id = eh.household_id WHERE eh.event_id = ? AND h.municipality_code = '43513'", eventId);
        long all = server.database().queryForLong("SELECT count(*) FROM disaster_event_household WHERE event_id = ?", eventId);
        assertTrue(kumaSees < all, "the event covers 人吉市's families too: " + kumaSees + " of " + all);

        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "kuma");
            Screenshots.onFailure(page, "FAILED-typhoon-officer", () -> {
                page.navigate(server.url(eventPath));
                assertThat(page.locator("body")).containsText("災害宣言中（台風、");
                assertThat(page.locator("#total")).hasText(String.valueOf(kumaSees));
                assertThat(page.locator("#declaration-hazard")).hasText("台風");
                assertThat(page.locator("#declaration-extend-form")).hasCount(0);
                problems.addAll(Readability.problems(page, "820px officer's event"));
                Screenshots.save(page, "62-typhoon-officer-tablet");
            });
        }

        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "admin");
            Screenshots.onFailure(page, "FAILED-typhoon-extend-end", () -> {
                page.navigate(server.url(eventPath));
                LocalDateTime later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(10)), ZoneId.of("Asia/Tokyo"))
                        .truncatedTo(ChronoUnit.MINUTES);
                page.locator("#declaration-extend-endsAt").fill(later.toString());
                page.locator("#declaration-extend-reason").fill("台風の停滞（試験）");
                page.locator("#declaration-extend-form button[type=submit]").click();
                assertThat(page.locator(".notice-success")).containsText("災害宣言を延長しました");
                assertThat(page.locator("#declaration-ends")).containsText(later.getYear() + "年" + later.getMonthValue() + "月"
                        + later.getDayOfMonth() + "日");
                assertEquals(1, server.database().queryForLong("SELECT count(*) FROM audit_log a JOIN disaster_event e "
                        + "ON e.declaration_id = a.declaration_id WHERE e.id = ? AND a.action = 'EXTEND'", eventId));
                problems.addAll(Readability.problems(page, "820px extended"));

                // closing the event asks whether the declaration ends too; "no" keeps it running
                page.locator("#close-reason").fill("台風通過（試験）");
                page.locator("#close-form button[type=submit]").click();
                assertThat(page.locator("#confirm-close-choice")).containsText("災害宣言（台風、");
                assertThat(page.locator("#confirm-close-endDeclaration-yes")).isChecked();
                problems.addAll(Readability.problems(page, "820px close asks about the declaration"));
                Screenshots.save(page, "63-close-asks-declaration-tablet");
                page.locator("#confirm-close-endDeclaration-no").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、終了する").setExact(true)).click();
                assertThat(page.locator("#event-state")).hasText("終了");
                assertThat(page.locator("#declaration-state")).hasText("発令中");

                // then the declaration ends on its own, asked first
                page.locator("#declaration-end-reason").fill("警報解除（試験）");
                page.locator("#declaration-end-form button[type=submit]").click();
                assertThat(page.locator("#confirm-declaration-end")).containsText("災害宣言");
                assertThat(page.locator("#declaration-state")).hasText("発令中");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、災害宣言を終了する").setExact(true)).click();
                assertThat(page.locator("#declaration-state")).hasText("終了");
                assertThat(page.locator("#declaration-end-form")).hasCount(0);
                problems.addAll(Readability.problems(page, "820px declaration ended"));
                Screenshots.save(page, "64-declaration-ended-tablet");
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void assertInView(Page page, Locator element) {
        BoundingBox box = element.boundingBox();
        int height = page.viewportSize().height;
        assertTrue(box.y >= 0 && box.y + box.height <= height, "in view: y=" + box.y + " height=" + box.height + " of " + height);
    }
}
