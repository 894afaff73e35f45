package jp.inochi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
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
 * On the demo data, in Chromium: approving asks first, says what will happen and writes nothing until confirmed;
 * a refused household form opens at its error summary (in view at 1280×800), in form order, each field with its own
 * message and 必須 on the required ones; the program application shows every eligibility rule with ✓ or ✗, its
 * reason and seed line, and its form says whether the family's municipality has a purchase subsidy.
 */
class LargeActionsAskFirstAndErrorsOpenInViewTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("confirm-errors");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void approvingAsksFirstAndWritesNothingUntilConfirmed() throws Exception {
        long id = server.database().queryForLong("SELECT min(a.id) FROM program_application a JOIN household h "
                + "ON h.id = a.household_id WHERE a.state = 'UNDER_REVIEW' AND h.municipality_code = '43203'");
        String path = "/program-applications/" + id;
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(path));
            approve(page, "承認する");
            assertThat(page.locator("#confirm-approve")).isVisible();
            problems.addAll(Readability.problems(page, "820px confirmation"));
            Screenshots.save(page, "12-approve-confirmation-tablet");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("やめる").setExact(true)).click();
            page.waitForURL(server.url(path));
            assertThat(page.locator("#confirm-approve")).hasCount(0);
            assertEquals("UNDER_REVIEW", state(id), "やめる writes nothing");
        }
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url(path));
            approve(page, "承認する");
            Locator panel = page.locator("#confirm-approve");
            assertThat(panel).containsText("事業利用申請 第" + id + "号を承認します。よろしいですか？");
            assertThat(panel).containsText("ご家族から貸与申請を受け付けられるようになります");
            assertThat(panel).containsText("まだ保存していません");
            assertThat(page.locator("#application-state")).hasText("審査中");
            assertEquals("UNDER_REVIEW", state(id), "nothing is written before the second step");
            assertInView(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("はい、承認する")));
            problems.addAll(Readability.problems(page, "1280px confirmation"));
            Screenshots.save(page, "12-approve-confirmation");

            approve(page, "はい、承認する");
            assertThat(page.locator(".notice-success[role=status]")).isVisible();
            assertThat(page.locator("#application-state")).hasText("承認");
            assertEquals("APPROVED", state(id), "written once confirmed");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aRefusedHouseholdFormOpensAtItsErrorSummaryInFormOrder() {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/households/new"));
            assertThat(page.locator("label[for=household-childBirthDate] .required-mark")).hasText("必須");
            assertThat(page.locator("label[for=household-childFamilyName] .required-mark")).hasText("必須");
            assertThat(page.locator("label[for=household-postalCode] .required-mark")).hasCount(0);
            page.locator("#household-childFamilyName").fill("球磨");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();

            Locator summary = page.locator("#errors-household");
            assertThat(summary).isVisible();
            assertInView(page, summary);
            assertEquals("errors-household", page.evaluate("document.activeElement.id"), "the summary has the focus");
            List<String> links = summary.locator("a").all().stream().map(a -> a.getAttribute("href")).toList();
            assertEquals("#household-childGivenName", links.get(0), "the first error is the first field left empty");
            assertTrue(links.indexOf("#household-childBirthDate") < links.indexOf("#household-address"), links.toString());
            assertThat(page.locator("#household-childBirthDate-error")).isVisible();
            assertThat(page.locator("#household-childFamilyName-error")).hasCount(0);
            assertTrue(Readability.problems(page, "1280px refused household").isEmpty(),
                    String.join("\n", Readability.problems(page, "1280px refused household")));
            Screenshots.save(page, "12-household-errors");
        }
    }

    @Test
    void theApplicationShowsEachRuleAsACheckAndItsFormTheSubsidyStatus() throws Exception {
        long withSubsidy = server.database().queryForLong("SELECT min(a.id) FROM program_application a JOIN household h "
                + "ON h.id = a.household_id WHERE h.municipality_code = '43202' AND a.subsidy_exception_reason IS NULL "
                + "AND a.state IN ('RECEIVED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED')");
        long yatsushiro = server.database().queryForLong("SELECT household_id FROM program_application WHERE id = ?", withSubsidy);
        long hitoyoshi = server.database().queryForLong("SELECT min(id) FROM household WHERE municipality_code = '43203'");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                page.navigate(server.url("/program-applications/" + withSubsidy));
                Locator checks = page.locator("#eligibility-checklist li");
                assertThat(checks).hasCount(5);
                Locator subsidy = page.locator("#reason-MUNICIPAL_SUBSIDY_AVAILABLE");
                assertThat(subsidy.locator(".mark")).hasText("✗");
                assertThat(subsidy).containsText("助成制度");
                assertThat(subsidy).containsText("567行目");
                assertThat(page.locator("#eligibility-checklist li.met .mark").first()).hasText("✓");
                assertThat(page.locator("#eligibility-checklist li.met").first()).containsText("行目");
                problems.addAll(Readability.problems(page, size[0] + "px checklist"));
                Screenshots.save(page, "12-eligibility-checklist-" + size[0]);

                page.navigate(server.url("/program-applications/new?householdId=" + yatsushiro));
                assertThat(page.locator("#subsidy-status")).containsText("八代市には装置購入の助成制度があります");
                assertThat(page.locator("#subsidy-status")).containsText("令和7年10月1日");
                problems.addAll(Readability.problems(page, size[0] + "px new application"));
                Screenshots.save(page, "12-application-form-subsidy-" + size[0]);
                page.navigate(server.url("/program-applications/new?householdId=" + hitoyoshi));
                assertThat(page.locator("#subsidy-status")).containsText("人吉市には装置購入の助成制度はありません");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void approve(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private static void assertInView(Page page, Locator element) {
        BoundingBox box = element.boundingBox();
        int height = page.viewportSize().height;
        int width = page.viewportSize().width;
        assertTrue(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width,
                "in view: y=" + box.y + " height=" + box.height + " of " + height);
    }

    private static String state(long id) throws Exception {
        return server.database().queryForString("SELECT state FROM program_application WHERE id = ?", id);
    }
}
