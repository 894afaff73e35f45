package jp.inochi.trainings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training pages on the demo data at 1280 and 820 px, and the invitation's preview before anything is queued. */
class TrainingPagesInTheBrowserTest {
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("trainings");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyTrainingPageFitsBothWidthsAndIsReachedFromTheMenu() throws Exception {
        long upcoming = server.database().queryForLong("SELECT max(id) FROM training_session WHERE held_on > current_date");
        long today = server.database().queryForLong("SELECT max(id) FROM training_session WHERE held_on <= current_date");
        List<String> paths = List.of("/trainings", "/trainings/new", "/trainings/" + upcoming, "/trainings/" + today);
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                Page page = server.signIn(context, "staff");
                assertTrue(page.content().contains("href=\"/trainings\""), "the menu links the training sessions");
                for (String path : paths) {
                    page.navigate(server.url(path));
                    problems.addAll(Readability.problems(page, size[0] + "px " + path));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void invitingShowsTheEmailAndTheCountsBeforeAnythingIsQueued() throws Exception {
        long upcoming = server.database().queryForLong("SELECT max(id) FROM training_session WHERE held_on > current_date");
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/trainings/" + upcoming));
            if (page.locator("#invite input[type=checkbox]").count() == 0) {
                return; // every demo family is already invited
            }
            long queued = server.database().queryForLong("SELECT count(*) FROM outbox_message WHERE kind = 'training.invitation'");
            page.locator("#invite input[type=checkbox]").first().check();
            page.click("button[type=submit]:has-text('招待メールを確認する')");
            assertThat(page.locator(".confirmation")).containsText("よろしいですか");
            assertEquals(queued, server.database().queryForLong("SELECT count(*) FROM outbox_message WHERE kind = 'training.invitation'"));
            problems(page);
            page.click(".confirmation button[type=submit]");
            assertThat(page.locator("#attendees")).containsText("世帯");
        }
    }

    private static void problems(Page page) {
        List<String> found = Readability.problems(page, "preview");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
