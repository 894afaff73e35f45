package jp.inochi.testsupport;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Full-page screenshots of the UI, saved under target/screenshots/ to be looked at by a person. */
public final class Screenshots {
    public static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path save(Page page, String name) {
        Path file = DIRECTORY.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The same page at tablet width (820×1180), then back to the desktop size. */
    public static Path saveAtTabletWidth(Page page, String name) {
        var size = page.viewportSize();
        page.setViewportSize(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT);
        try {
            return save(page, name);
        } finally {
            page.setViewportSize(size.width, size.height);
        }
    }

    /** A step of a browser test that can fail. */
    public interface Steps {
        void run() throws Exception;
    }

    /** Runs the steps; if they fail, the page as it was is saved under the name before the failure is reported. */
    public static void onFailure(Page page, String name, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError failure) {
            try {
                save(page, name);
            } catch (RuntimeException ignored) {
                // The page may be gone; the failure itself matters more.
            }
            throw failure;
        }
    }
}
