package jp.inochi.households;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 12, search and paging) in Debian's Chromium over the demo data: typing a child's reading in
 * hiragana into 「検索」 finds the child recorded in katakana; the households list pages 50 at a time, to page 2 and
 * back by plain links; every searchable list fits the window at 1,280 and 820 px.
 */
class StaffSearchAndPageTheListsInTheBrowserTest {
    private static final List<String> LISTS = List.of("/households", "/loans", "/applications", "/devices", "/work-list");
    private static UiServer server;
    private static long child;

    @BeforeAll
    static void start() throws Exception {
        server = UiServer.start("search");
        child = server.database().queryForLong("SELECT min(id) FROM household");
        try (var connection = server.database().connect()) {
            fillMoreThanOnePage(connection);
        }
        try (var connection = server.database().connect(); var update = connection.prepareStatement(
                "UPDATE household SET child_family_name = '露草', child_given_name = '陽翔', "
                        + "child_family_name_kana = 'ツユクサ', child_given_name_kana = 'ハルト' WHERE id = ?")) {
            update.setLong(1, child);
            update.executeUpdate();
        }
    }

    /** The demo data hold fewer than 50 households: copies of the last one (its columns as stored) make two pages. */
    private static void fillMoreThanOnePage(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             var columns = statement.executeQuery("SELECT string_agg(column_name, ', ') FROM information_schema.columns "
                     + "WHERE table_name = 'household' AND table_schema = current_schema() AND column_name <> 'id' "
                     + "AND is_generated = 'NEVER'")) {
            columns.next();
            String list = columns.getString(1);
            try (var copy = connection.createStatement()) {
                copy.executeUpdate("INSERT INTO household (" + list + ") SELECT " + list + " FROM household, "
                        + "generate_series(1, 40) WHERE id = (SELECT max(id) FROM household)");
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hiraganaFindsAKatakanaRecordedChildAndTheListPagesToPageTwoAndBack() throws Exception {
        long households = server.database().queryForLong("SELECT count(*) FROM household");
        assertTrue(households > 50, "the demo data fill more than one page: " + households);
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-search-households", () -> {
                page.navigate(server.url("/households"));
                assertThat(page.locator("#households caption")).containsText("全" + households + "件中 1〜50件");
                assertEquals(50, page.locator("#households tbody tr").count());
                page.locator(".pager").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName("2").setExact(true)).click();
                assertThat(page.locator("#households caption")).containsText("全" + households + "件中 51〜");
                assertTrue(page.url().endsWith("/households?page=2"), page.url());
                page.locator(".pager-previous").click();
                assertThat(page.locator("#households caption")).containsText("1〜50件");

                page.getByLabel("検索").fill("つゆくさ はると");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索").setExact(true)).click();
                assertThat(page.locator("#households caption")).containsText("全1件中 1〜1件");
                assertThat(page.locator("#households tbody")).containsText("露草 陽翔");
                assertThat(page.locator("#households tbody")).containsText("ツユクサ ハルト");
                assertThat(page.getByLabel("検索")).hasValue("つゆくさ はると");
                Screenshots.save(page, "60-households-search");
                Screenshots.saveAtTabletWidth(page, "60-households-search-tablet");
            });
        }
    }

    @Test
    void everySearchableListFitsTheWindowAt1280And820WithItsSearchBoxAndTotal() throws Exception {
        for (int width : List.of(Chromium.DESKTOP_WIDTH, Chromium.TABLET_WIDTH)) {
            try (BrowserContext context = Chromium.newContext(width, Chromium.TABLET_HEIGHT)) {
                Page page = server.signIn(context, "staff");
                Screenshots.onFailure(page, "FAILED-search-lists-" + width, () -> {
                    for (String list : LISTS) {
                        page.navigate(server.url(list + "?q=" + java.net.URLEncoder.encode("ツユクサ",
                                java.nio.charset.StandardCharsets.UTF_8)));
                        assertThat(page.getByLabel("検索")).hasValue("ツユクサ");
                        Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                        assertEquals(Boolean.FALSE, wider, list + " has no horizontal scroll at " + width + " px");
                        page.navigate(server.url(list));
                        wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                        assertEquals(Boolean.FALSE, wider, list + " has no horizontal scroll at " + width + " px");
                        Screenshots.save(page, "61-list" + list.replace('/', '-') + "-" + width);
                    }
                });
            }
        }
    }
}
