package jp.inochi.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayoutLookTest {
    static UiServer server;

    @BeforeAll
    static void start() {
        long t = System.nanoTime();
        server = UiServer.start("look");
        System.out.println("UI server started in " + (System.nanoTime() - t) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void look() {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = context.newPage();
            page.navigate(server.url("/"));
            Screenshots.save(page, "look-login");
            page = server.signIn(context, "staff");
            Screenshots.save(page, "look-dashboard");
            Screenshots.saveAtTabletWidth(page, "look-dashboard-tablet");
            assertTrue(page.content().contains("ダッシュボード"), page.content());
        }
    }
}
