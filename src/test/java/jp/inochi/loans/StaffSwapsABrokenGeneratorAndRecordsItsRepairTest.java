package jp.inochi.loans;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
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
 * Center staff, on the demo data, at 1280 and 820 px: on a running loan's page, swaps the generator for an available
 * sine-wave one (after the confirmation), sees the repair of the old one, and records its cost with the family's
 * liability; the old device's page lists the repair; the repair is finished from the loan page. On a household's
 * form staff record that the child lives in a hospital, and the household page says so.
 */
class StaffSwapsABrokenGeneratorAndRecordsItsRepairTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("loan_swap_pages");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void staffSwapTheGeneratorFromTheLoanPageAndRecordTheRepairsCost() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                String where = size[0] + "px ";
                Screenshots.onFailure(page, "FAILED-loan-swap-" + size[0], () -> swaps(page, where, problems));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void swaps(Page page, String where, List<String> problems) throws Exception {
        long loan = server.database().queryForLong("SELECT min(id) FROM loan WHERE state = 'ACTIVE' AND id NOT IN "
                + "(SELECT loan_id FROM device_repair WHERE loan_id IS NOT NULL)");
        long oldDevice = server.database().queryForLong("SELECT device_id FROM loan WHERE id = " + loan);
        page.navigate(server.url("/loans/" + loan));
        page.locator("#swap-device summary").click();
        problems.addAll(Readability.problems(page, where + "/loans/" + loan + " swap form"));
        page.locator("#swap-deviceId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#swap-removedGoesTo label").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("修理へ")).click();
        page.locator("#swap-device textarea[name=reason]").fill("試運転でエンジンがかからない");
        page.locator("#swap-device button[type=submit]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、装置を交換する")).click();
        assertThat(page.locator(".notice-success")).containsText("装置を交換しました");
        assertEquals("IN_REPAIR", server.database().queryForString("SELECT state FROM device WHERE id = " + oldDevice));
        long repair = server.database().queryForLong("SELECT id FROM device_repair WHERE loan_id = " + loan);

        page.locator("#repair-" + repair + " details:has-text('修理費用・ご家族の負担') summary").click();
        page.locator("#repair-" + repair + " form[action$='/cost'] input[name=costYen]").fill("12000");
        page.locator("#repair-" + repair + " form[action$='/cost'] input[name=familyLiable]").check();
        page.locator("#repair-" + repair + " form[action$='/cost'] button[type=submit]").click();
        assertThat(page.locator(".error-summary, .notice-error").first()).isVisible();
        problems.addAll(Readability.problems(page, where + "/loans/" + loan + " cost without a reason"));
        page.locator("#repair-" + repair + " form[action$='/cost'] textarea[name=liabilityNote]").fill("落下による破損（ご家族の申告）");
        page.locator("#repair-" + repair + " form[action$='/cost'] button[type=submit]").click();
        assertThat(page.locator(".notice-success")).containsText("修理費用とご家族の負担を記録しました");
        assertThat(page.locator("#repair-" + repair)).containsText("12000円");
        problems.addAll(Readability.problems(page, where + "/loans/" + loan + " repair"));
        Screenshots.save(page, "40-loan-swap-repair" + (where.startsWith("820") ? "-tablet" : ""));

        page.navigate(server.url("/devices/" + oldDevice));
        assertThat(page.locator("#device-state")).hasText("修理中");
        assertThat(page.locator("#device-repair-" + repair)).containsText("12000円");
        assertThat(page.locator("#device-repair-" + repair)).containsText("あり（落下による破損（ご家族の申告））");
        problems.addAll(Readability.problems(page, where + "/devices/" + oldDevice));

        page.locator("#device-repair-" + repair + " a").click();
        page.locator("#repair-" + repair + " details:has-text('修理完了を記録する') summary").click();
        problems.addAll(Readability.problems(page, where + "/loans/" + loan + " finish repair form"));
        page.locator("#repair-" + repair + " form[action$='/finish'] textarea[name=reason]").fill("エンジン部品を交換");
        page.locator("#repair-" + repair + " form[action$='/finish'] button[type=submit]").click();
        assertThat(page.locator(".notice-success")).containsText("修理完了を記録しました");
        assertThat(page.locator("#repair-" + repair)).containsText("修理完了");
        assertEquals("AVAILABLE", server.database().queryForString("SELECT state FROM device WHERE id = " + oldDevice));
        page.navigate(server.url("/devices/" + oldDevice));
        assertThat(page.locator("#device-state")).hasText("貸出可能");
        assertThat(page.locator("#device-repair-" + repair)).containsText("12000円");
    }

    @Test
    void staffRecordThatTheChildLivesInAHospitalAndTheHouseholdPageSaysSo() throws Exception {
        List<String> problems = new ArrayList<>();
        long household = server.database().queryForLong("SELECT min(household_id) FROM guardian WHERE email = 'family05@demo.invalid'");
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                String where = size[0] + "px ";
                boolean atHome = size[0] != Chromium.DESKTOP_WIDTH;
                Screenshots.onFailure(page, "FAILED-lives-at-home-" + size[0], () -> {
                    page.navigate(server.url("/households/" + household + "/edit"));
                    problems.addAll(Readability.problems(page, where + "/households/" + household + "/edit"));
                    page.locator("#household-livesAtHome").getByLabel(atHome ? "自宅で生活している" : "病院・施設で生活している",
                            new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).check();
                    page.locator("form button[type=submit]").last().click();
                    assertThat(page.locator(".notice-success")).isVisible();
                    assertThat(page.locator("#lives-at-home")).hasText(atHome ? "自宅で生活している" : "病院・施設で生活している");
                    problems.addAll(Readability.problems(page, where + "/households/" + household));
                });
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
