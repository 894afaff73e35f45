package jp.inochi.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.impl.TargetClosedError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The browser of the browser tests: Debian's own Chromium ({@code /usr/bin/chromium}, installed by
 * {@code bin/setup-host test}), driven headless by Playwright, which downloads no browser of its own. One Chromium per
 * test JVM, started on first use, in Japanese ({@code --lang=ja-JP}, so date inputs and file pickers read as a
 * Japanese user sees them); each test gets a fresh context (its own cookies) from {@link #newContext}.
 */
public final class Chromium {
    /** The flags Chromium needs to run headless as root on a machine without a display or internet. */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 800;
    public static final int TABLET_WIDTH = 820;
    public static final int TABLET_HEIGHT = 1180;

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    /** The executable: {@code INOCHI_CHROMIUM} if set, else Debian's. */
    public static Path executable() {
        String configured = System.getenv("INOCHI_CHROMIUM");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Chromium is not installed at " + path + ": run bin/setup-host test "
                    + "(apt-get install chromium fonts-noto-cjk)");
        }
        return path;
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            List<String> args = new java.util.ArrayList<>(FLAGS);
            args.add("--lang=ja-JP");
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable()).setHeadless(true).setArgs(args));
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close));
        }
        return browser;
    }

    /** A new context (cookies, storage) at the given window size, in Japanese, in Japan's time zone. */
    public static BrowserContext newContext(int width, int height) {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setAcceptDownloads(true));
    }

    /** A window with scripts turned off, for the pages' fallbacks. */
    public static BrowserContext newContextWithoutScripts(int width, int height) {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setJavaScriptEnabled(false));
    }

    /**
     * Aborts every request for the GSI base map, as on a machine without internet. A tile request still waiting when the
     * test closes its context is let go: its abort would fail on the closed target and surface in {@code close()}.
     */
    public static void withoutBaseMap(BrowserContext context) {
        context.route("https://cyberjapandata.gsi.go.jp/**", route -> {
            try {
                route.abort();
            } catch (TargetClosedError pageAlreadyGone) {
                // Nothing to abort: the page that asked for the tile is closed.
            }
        });
    }

    public static synchronized void close() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException ignored) {
            // Already closed by the JVM's shutdown.
        } finally {
            browser = null;
            playwright = null;
        }
    }
}
