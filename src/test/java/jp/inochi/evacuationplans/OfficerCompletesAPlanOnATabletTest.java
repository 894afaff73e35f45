package jp.inochi.evacuationplans;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an officer of 人吉市 opens a demo family's 個別避難計画 on a tablet (820 px), fills supporters, a
 * destination and the power section, is told in Japanese beside each field what is wrong (a supporter without a phone
 * is refused, a shelter in the flood zone is warned about, a device without watts is flagged), saves, completes it
 * (the loan's plan status becomes 作成済) and finds the print link; a save on a version someone else replaced is
 * refused with who saved which version when, and nothing is written; another municipality's officer gets 404.
 */
class OfficerCompletesAPlanOnATabletTest {
    private static final String FIT = script("/js/fit.js");
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("plan_editor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long household(String guardianEmail) throws Exception {
        return server.database().queryForLong("SELECT household_id FROM guardian WHERE email = ?", guardianEmail);
    }

    private static long versions(long household) throws Exception {
        return server.database().queryForLong("SELECT count(*) FROM evacuation_plan_version WHERE household_id = ?", household);
    }

    private static Locator field(Page page, String name) {
        return page.locator("[id='plan-" + name + "']");
    }

    @Test
    void anOfficerOf人吉市CompletesAPlanOnATabletAndFindsThePrintLink() throws Exception {
        long id = household("family01@demo.invalid");
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "hitoyoshi");
            page.navigate(server.url("/households/" + id));
            page.locator("#plan-editor-link").click();
            assertTrue(page.url().endsWith("/households/" + id + "/evacuation-plan"), page.url());
            assertThat(page.locator("#unsaved")).isVisible();
            assertThat(page.locator("label[for='plan-person.name'] .prefilled")).hasText("Inochiの記録から");
            assertThat(page.locator("#home-hazards")).containsText("洪水");

            // a supporter without a phone is refused beside the field, and nothing is saved
            field(page, "supporters[0].name").fill("人吉 太郎");
            field(page, "supporters[0].relation").selectOption("NEIGHBOUR");
            field(page, "supporters[0].phone").fill("0966-22-0000");
            field(page, "supporters[0].role").fill("車で避難所まで送る");
            page.locator("[id='plan-supporters[0].daytime']").check();
            page.locator("[id='plan-supporters[0].agreed']").check();
            page.locator("#add-supporter").click();
            field(page, "supporters[1].name").fill("球磨 次郎");
            field(page, "supporters[1].relation").selectOption("MINSEI_IIN");
            // the flood destination: a shelter that lies in the flood zone itself
            Locator floodShelter = field(page, "destinations[0].shelterId");
            String inZone = floodShelter.locator("option.in-zone").first().getAttribute("value");
            floodShelter.selectOption(inZone);
            // the power section: the prefilled ventilator without watts, and a suction device with them
            page.locator("#add-device").click();
            assertThat(field(page, "supporters[1].name")).hasValue("球磨 次郎");
            field(page, "power.devices[1].kind").selectOption("SUCTION");
            field(page, "power.devices[1].name").fill("携帯用吸引器");
            field(page, "power.devices[1].watts").fill("３０");
            field(page, "power.devices[1].batteryHours").fill("2");
            page.locator("#save-plan").click();
            assertThat(page.locator("[id='plan-supporters[1].phone-error']")).containsText("電話番号を入力してください");
            assertThat(page.locator("#errors-plan")).containsText("球磨 次郎");
            assertEquals(0, versions(id), "nothing is saved while a supporter has no phone");
            assertThat(field(page, "power.devices[1].name")).hasValue("携帯用吸引器");

            field(page, "supporters[1].phone").fill("090-1111-2222");
            page.locator("#save-plan").click();
            assertThat(page.locator(".notice-success")).containsText("確認が必要な項目があります");
            assertEquals(1, versions(id));
            assertThat(page.locator("#plan-warnings")).containsText("洪水の区域内にあります");
            assertThat(page.locator("[id='destination-0'] .field-finding")).containsText("洪水の区域内");
            assertThat(page.locator("#power-flags")).containsText("人工呼吸器");
            assertThat(page.locator("#power-flags")).containsText("消費電力（W）が未入力");
            assertThat(field(page, "power.devices[1].watts")).hasValue("30");
            assertThat(page.locator("#state")).hasText("作成中");
            assertThat(page.locator("#version-table tbody tr")).hasCount(1);
            Screenshots.save(page, "70-plan-editor-tablet");

            page.locator("#complete-plan").click();
            assertThat(page.locator(".notice-success")).containsText("作成済にしました");
            assertThat(page.locator("#state")).hasText("作成済み");
            assertThat(page.locator("#plan-status")).hasText("作成済");
            assertThat(page.locator("#version-table tbody tr")).hasCount(2);
            assertThat(page.locator("#version-table tbody tr").first()).containsText("現在の版");
            assertThat(page.locator("#version-table tbody tr").first()).containsText("人吉市 防災担当");
            assertEquals("COMPLETED", server.database().queryForString(
                    "SELECT plan_status FROM household_evacuation_plan_status WHERE household_id = ?", id));
            assertEquals("/api/households/" + id + "/evacuation-plan.pdf", page.locator("#print-link").getAttribute("href"));

            // 印刷: the officer's session opens the completed plan as a PDF that holds what was typed
            var pdf = page.request().get(server.url(page.locator("#print-link").getAttribute("href")));
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            String printed = pdfText(pdf.body()).replaceAll("\\s", "");
            assertTrue(printed.contains("個別避難計画"), printed);
            assertTrue(printed.contains("球磨次郎"), "the supporter typed on the page is printed: " + printed);
            assertTrue(printed.contains("携帯用吸引器"), "the device typed on the page is printed: " + printed);
        }
    }

    /** The PDF's text as a reader extracts it (poppler-utils, installed by bin/setup-host). */
    private static String pdfText(byte[] pdf) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plan-", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), text);
            return text;
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aSaveOnAVersionSomeoneElseReplacedSaysWhoSavedWhichVersionAndWritesNothing() throws Exception {
        long id = household("family07@demo.invalid");
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page mine = server.signIn(context, "hitoyoshi");
            mine.navigate(server.url("/households/" + id + "/evacuation-plan"));
            Page theirs = context.newPage();
            theirs.navigate(server.url("/households/" + id + "/evacuation-plan"));
            field(theirs, "contacts.doctor").fill("人吉 医師");
            theirs.locator("#save-plan").click();
            assertThat(theirs.locator(".notice-success")).isVisible();
            assertEquals(1, versions(id));

            field(mine, "contacts.doctor").fill("別の 医師");
            mine.locator("#save-plan").click();
            assertThat(mine.locator("#page-error")).containsText("第1版として保存しています");
            assertThat(mine.locator("#page-error")).containsText("人吉市 防災担当（デモ） さん");
            assertThat(mine.locator("#page-error")).containsText("保存していません");
            assertThat(mine.locator("#reload")).isVisible();
            assertThat(field(mine, "contacts.doctor")).hasValue("別の 医師");
            assertEquals(1, versions(id), "nothing is written on a stale version");
            APIResponse stale = mine.request().post(server.url("/households/" + id + "/evacuation-plan"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                            .set("_csrf", mine.locator("input[name=_csrf]").first().inputValue()).set("version", "0")));
            assertEquals(409, stale.status());
            assertEquals(1, versions(id));
        }
    }

    @Test
    void withoutTheScriptAddingARowPostsTheFormAndComesBackWithOneMoreRowSavingNothing() throws Exception {
        long id = household("family02@demo.invalid");
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = server.signIn(context, "hitoyoshi");
            page.navigate(server.url("/households/" + id + "/evacuation-plan"));
            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            APIResponse added = page.request().post(server.url("/households/" + id + "/evacuation-plan"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf).set("version", "0")
                            .set("supporterRows", "1").set("supporters[0].name", "人吉 三郎").set("add", "supporter")));
            assertEquals(200, added.status());
            String html = added.text();
            assertTrue(html.contains("name=\"supporters[1].name\""), "a second supporter row");
            assertTrue(html.contains("value=\"人吉 三郎\""), "the typed row is kept");
            assertEquals(0, versions(id));
            // with the script the row is added in the page, renumbered and empty
            page.locator("#add-supporter").click();
            assertEquals(server.url("/households/" + id + "/evacuation-plan"), page.url());
            assertThat(field(page, "supporters[1].name")).hasValue("");
            assertThat(page.locator("#supporter-1 > legend")).hasText("支援者 2");
            assertThat(page.locator("input[name=supporterRows]")).hasValue("2");
        }
    }

    @Test
    void anOfficerOfAnotherMunicipalityGets404() throws Exception {
        long id = household("family01@demo.invalid");
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "yatsushiro");
            assertEquals(404, page.request().get(server.url("/households/" + id + "/evacuation-plan")).status());
            page.navigate(server.url("/households"));
            String csrf = page.locator("input[name=_csrf]").first().inputValue();
            APIResponse post = page.request().post(server.url("/households/" + id + "/evacuation-plan"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf).set("version", "0")));
            assertEquals(404, post.status());
        }
    }

    @Test
    void theEditorFitsTheDesktopAndTheTabletWithoutSidewaysScrollingAndIsReadable() throws Exception {
        long id = household("family03@demo.invalid");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            for (String user : List.of("hitoyoshi", "staff")) {
                try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                    Page page = server.signIn(context, user);
                    page.navigate(server.url("/households/" + id + "/evacuation-plan"));
                    assertThat(page.locator("#plan-sections a")).hasCount(9);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fit = (Map<String, Object>) page.evaluate(FIT);
                    int pageWidth = ((Number) fit.get("pageWidth")).intValue();
                    if (pageWidth > size[0]) {
                        problems.add(size[0] + "px " + user + ": the page is " + pageWidth + "px");
                    }
                    ((List<?>) fit.get("wideTables")).forEach(t -> problems.add(size[0] + "px " + user + ": " + t));
                    problems.addAll(Readability.problems(page, size[0] + "px " + user));
                    assertFalse(page.content().contains(">null<"), "no null shown");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String script(String resource) {
        try (InputStream in = OfficerCompletesAPlanOnATabletTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
