package jp.inochi.layers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance (issue 7): a hazard import started from the import screen shows its progress bar moving — read by the
 * page from the job as the importer writes it — to the finished report; and a file the importer refuses is explained
 * on the form, in Japanese, field by field.
 */
class HazardImportShowsItsProgressTest {
    /** Enough small zones (over the open sea south of 四国, far from every home) for the import to take a few seconds. */
    private static final int FEATURES = 60_000;
    private static UiServer server;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        server = UiServer.start("import");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theProgressBarMovesUntilTheImportReport() throws Exception {
        Path file = largeFloodFile();
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-import", () -> {
                page.navigate(server.url("/hazard-imports"));
                Screenshots.save(page, "30-import-form");
                page.getByLabel("ファイル（必須）").setInputFiles(file);
                page.getByLabel("レイヤー名（必須）").fill("進み具合の確認用 洪水 " + System.nanoTime());
                page.getByLabel("災害の種類（ハザード区域の場合）").selectOption("FLOOD");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込みを始める")).click();
                page.waitForURL("**/hazard-imports/*");
                String jobId = page.url().substring(page.url().lastIndexOf('/') + 1);

                // The bar as a person watches it, sampled while the job runs.
                TreeSet<Integer> watched = new TreeSet<>();
                boolean midwayShot = false;
                long deadline = System.nanoTime() + 240_000_000_000L;
                while (page.locator("#import-report").count() == 0 && System.nanoTime() < deadline) {
                    try {
                        Object value = page.locator("#import-progress").evaluate("bar => bar.value");
                        int percent = ((Number) value).intValue();
                        watched.add(percent);
                        if (!midwayShot && percent > 0 && percent < 90) {
                            Screenshots.save(page, "31-import-progress");
                            midwayShot = true;
                        }
                    } catch (RuntimeException reloading) {
                        // The page reloads itself once the job is done.
                    }
                    page.waitForTimeout(150);
                }
                assertThat(page.locator("#import-report")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
                assertThat(page.locator("#import-report")).containsText("読み込みが完了しました");
                assertThat(page.locator("#report-imported")).hasText(String.format(Locale.ROOT, "%,d", FEATURES));
                assertEquals(100, ((Number) page.locator("#import-progress").evaluate("bar => bar.value")).intValue());
                String seen = (String) page.evaluate("id => sessionStorage.getItem('inochi-import-' + id)", jobId);
                List<Integer> polled = seen == null ? List.of() : Arrays.stream(seen.split(",")).map(Integer::valueOf).toList();
                TreeSet<Integer> all = new TreeSet<>(watched);
                all.addAll(polled);
                // How much of the reading a 400 ms poll catches depends on the machine (ImportProgressTest checks the
                // reading's own steps through the API); a person must see the bar stand somewhere between start and end.
                assertTrue(all.stream().anyMatch(p -> p > 0 && p < 100), "the bar stood between start and end: " + all);
                assertTrue(all.size() >= 3, "the bar moved: " + all);
                assertTrue(polled.equals(polled.stream().sorted().toList()), "and never went back: " + polled);
                Screenshots.save(page, "32-import-report");
            });
        }
    }

    @Test
    void aFileTheImporterRefusesIsExplainedOnTheForm() throws Exception {
        Path broken = temp.resolve("壊れた.geojson");
        Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",", StandardCharsets.UTF_8);
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            Screenshots.onFailure(page, "FAILED-import-refused", () -> {
                page.navigate(server.url("/hazard-imports"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込みを始める")).click();
                assertThat(page.locator("#upload-errors")).isVisible();
                assertThat(page.locator("#upload-errors")).containsText("レイヤー名を入力してください");
                assertThat(page.locator("#upload-errors")).containsText("読み込むファイルを添付してください");

                page.getByLabel("ファイル（必須）").setInputFiles(broken);
                page.getByLabel("レイヤー名（必須）").fill("壊れたファイル");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込みを始める")).click();
                page.waitForURL("**/hazard-imports/*");
                assertThat(page.locator("#import-failed")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
                assertThat(page.locator("#import-failed")).containsText("現在の版はそのまま使われています");
                Screenshots.save(page, "33-import-failed");
            });
        }
    }

    private static Path largeFloodFile() throws Exception {
        Path file = temp.resolve("progress.geojson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[");
            for (int i = 0; i < FEATURES; i++) {
                double lon = 134.0 + (i % 300) * 0.003;
                double lat = 30.0 + (i / 300) * 0.003;
                out.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"depth_rank\":%d},\"geometry\":"
                                + "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
                        i == 0 ? "" : ",", 1 + i % 6, lon, lat, lon + 0.002, lat, lon + 0.002, lat + 0.002, lon, lat + 0.002, lon, lat));
            }
            out.write("]}");
        }
        return file;
    }
}
