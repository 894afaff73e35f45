package jp.inochi.households;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff withdraw a family's email consent on the correction form, naming who agreed and the ordinance's rule. */
class StaffRecordWhoAgreedToAConsentChangeTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("consent-agreed-by");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theConsentHistoryShowsWhoAgreedAndTheOrdinanceNoteWrittenOnTheForm() throws Exception {
        long household = server.database().queryForLong(
                "SELECT min(id) FROM household WHERE email_contact_consent");
        List<String> problems = new ArrayList<>();
        for (int width : new int[]{Chromium.DESKTOP_WIDTH, Chromium.TABLET_WIDTH}) {
            try (BrowserContext context = Chromium.newContext(width, Chromium.DESKTOP_HEIGHT)) {
                Page page = server.signIn(context, "staff");
                page.navigate(server.url("/households/" + household + "/edit"));
                problems.addAll(Readability.problems(page, width + "px edit"));
            }
        }
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/households/" + household + "/edit"));
            page.check("input[name=emailContactConsent][value=false]");
            page.fill("#household-consentAgreedBy", "ブラウザ 同意者（母）");
            page.fill("#household-consentOrdinanceNote", "市の条例：平常時の提供は本人の同意が必要");
            page.click("button[type=submit]:has-text('訂正を保存する')");
            Locator history = page.locator("#consent-history tbody tr").first();
            assertThat(history).containsText("ブラウザ 同意者（母）");
            assertThat(history).containsText("メールでのお知らせの同意を撤回");
            assertThat(history).containsText("市の条例：平常時の提供は本人の同意が必要");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
