package jp.inochi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists on the demo data fit the window at 1280 px and at 820 px (a tablet on its side): neither the page nor any
 * table scrolls sideways, no name breaks across lines, and the main menu stays on one row. On paper (A4, landscape
 * for the call lists and the loans) they print without menu, buttons or forms, under a header with the date, the
 * viewer and 「取扱注意（要配慮個人情報）」.
 */
class ListsFitAndPrintOnA4Test {
    private static final String FIT = script("/js/fit.js");
    private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");
    private static UiServer server;
    private static String eventPath;

    @BeforeAll
    static void start() {
        server = UiServer.start("fit_print");
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/disasters"));
            page.locator("#declare-name").fill("令和8年台風第10号（印刷の確認）");
            page.locator("#declare-eventType").selectOption("TYPHOON");
            page.locator("#declare-codes input[value='43203']").check();
            page.locator("#declare-form button[type=submit]").click();
            assertThat(page.locator(".notice-success")).containsText("災害対応を開始しました");
            eventPath = page.url().substring(page.url().indexOf("/disasters/"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCentersListsFitBothWidthsWithNamesOnOneLineAndTheMenuOnOneRow() throws Exception {
        List<String> lists = List.of("/households", "/loans", "/loans?state=RETURNS", "/loans?state=ENDED", "/loans?state=ALL",
                "/applications", "/applications?kind=loan&view=all", "/devices", "/evacuation-plans", "/hazard-imports",
                "/work-list", "/disasters", eventPath, eventPath + "/call-list", eventPath + "/unreached");
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "admin");
                for (String path : lists) {
                    page.navigate(server.url(path));
                    problems.addAll(fitProblems(page, size[0] + "px " + path));
                }
                String suffix = size[0] == Chromium.TABLET_WIDTH ? "-tablet" : "";
                long loan = server.database().queryForLong("SELECT min(id) FROM loan WHERE state = 'ACTIVE'");
                for (String[] shot : new String[][]{{"/households", "households"}, {"/loans", "loans"},
                        {"/loans/" + loan, "loan"}, {eventPath + "/call-list", "call-list"}}) {
                    page.navigate(server.url(shot[0]));
                    Screenshots.save(page, "60-fit-" + shot[1] + suffix);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aLoansListNameLikeYamadaHinataStaysOnOneLineAtTabletWidth() {
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            for (String path : List.of("/loans?state=ALL", "/households", "/applications?kind=program&view=all")) {
                page.navigate(server.url(path));
                var name = page.locator(".name", new Page.LocatorOptions().setHasText("山田 ひなた")).first();
                assertEquals(1, ((Number) name.evaluate("n => n.getClientRects().length")).intValue(),
                        path + ": 山田 ひなた is on one line");
            }
        }
    }

    @Test
    void theOfficersListsFitBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "hitoyoshi");
                for (String path : List.of("/households", "/evacuation-plans", "/disasters", eventPath + "/call-list")) {
                    page.navigate(server.url(path));
                    problems.addAll(fitProblems(page, size[0] + "px " + path));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSecondaryEntriesFoldIntoSonotaAtTabletWidthAndStillOpen() {
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = server.signIn(context, "admin");
            page.navigate(server.url("/households"));
            assertThat(page.locator(".site-nav .nav-secondary").first()).isHidden();
            page.locator(".nav-more summary").click();
            page.locator(".nav-more a", new Page.LocatorOptions().setHasText("お知らせ")).click();
            assertThat(page.locator("h1")).containsText("お知らせ");
            Screenshots.save(page, "60-fit-nav-more-tablet");
        }
    }

    @Test
    void theHouseholdPageTheListsAndTheCallListPrintOnA4WithoutMenuButtonsOrForms() throws Exception {
        long household = server.database().queryForLong("SELECT household_id FROM loan WHERE state = 'ACTIVE' ORDER BY id LIMIT 1");
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Chromium.withoutBaseMap(context);
            Page page = server.signIn(context, "staff");
            for (String[] printed : new String[][]{{"/households/" + household, "portrait"}, {"/households", "portrait"},
                    {"/applications", "portrait"}, {"/evacuation-plans", "portrait"}, {"/loans", "landscape"},
                    {eventPath + "/call-list", "landscape"}, {eventPath + "/unreached", "landscape"}}) {
                String path = printed[0];
                page.navigate(server.url(path));
                page.waitForLoadState();
                assertThat(page.locator(".print-header")).isHidden();
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                try {
                    assertThat(page.locator(".print-header")).isVisible();
                    assertThat(page.locator(".print-header")).containsText("取扱注意（要配慮個人情報）");
                    assertThat(page.locator(".print-header")).containsText("センター職員（デモ）");
                    assertThat(page.locator(".print-header")).containsText("令和");
                    assertThat(page.locator(".print-header")).containsText("（20");
                    for (String hidden : List.of(".site-nav", ".skip-link", ".site-header", "button", "form", ".button")) {
                        assertEquals(0L, ((Number) page.evaluate("s => [...document.querySelectorAll(s)]"
                                + ".filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length",
                                hidden)).longValue(), path + ": " + hidden + " is not printed");
                    }
                    byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
                    double[] box = firstMediaBox(pdf);
                    boolean landscape = "landscape".equals(printed[1]);
                    assertEquals(landscape ? 842 : 595, Math.round(box[0]), path + ": A4 " + printed[1] + " width");
                    assertEquals(landscape ? 595 : 842, Math.round(box[1]), path + ": A4 " + printed[1] + " height");
                    java.nio.file.Files.createDirectories(Screenshots.DIRECTORY);
                    java.nio.file.Files.write(Screenshots.DIRECTORY.resolve("61-print" + path.replaceAll("[^a-z0-9]+", "-") + ".pdf"), pdf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
                }
            }
        }
    }

    private static List<String> fitProblems(Page page, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) page.evaluate(FIT);
        List<String> problems = new ArrayList<>();
        int pageWidth = ((Number) fit.get("pageWidth")).intValue();
        int windowWidth = ((Number) fit.get("windowWidth")).intValue();
        if (pageWidth > windowWidth) {
            problems.add(where + ": the page is " + pageWidth + "px in a " + windowWidth + "px window");
        }
        for (Object table : (List<?>) fit.get("wideTables")) {
            problems.add(where + ": " + table);
        }
        for (Object name : (List<?>) fit.get("brokenNames")) {
            problems.add(where + ": the name 「" + name + "」 breaks across lines");
        }
        int rows = ((Number) fit.get("navRows")).intValue();
        double height = ((Number) fit.get("navHeight")).doubleValue();
        double entry = ((Number) fit.get("navEntryHeight")).doubleValue();
        if (rows > 1 || height > entry * 1.5) {
            problems.add(where + ": the menu lies on " + rows + " rows (" + height + "px high)");
        }
        return problems;
    }

    /** The first page's size in points, from the PDF's own bytes (Chromium writes the page dictionaries uncompressed). */
    private static double[] firstMediaBox(byte[] pdf) {
        Matcher box = MEDIA_BOX.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertTrue(box.find(), "the PDF names its page size");
        return new double[]{Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2))};
    }

    private static String script(String resource) {
        try (InputStream in = ListsFitAndPrintOnA4Test.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
