package jp.inochi.atrisk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.MvtDecoder;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 7): center staff import the real 人吉/球磨 flood subset (国土数値情報 A31b, ../shared/geodata) through
 * the import screen and the real importer; the officer of 人吉市 (43203) then sees the map with those zones in the
 * standard depth colours and their households as markers — with no internet, so without the base map, and told so —
 * reads the at-risk list, downloads its CSV, and sees no household of another municipality, neither on the page, in
 * the CSV nor in the map's household tiles (球磨村's homes are a few hundred metres away, inside the same zones).
 */
class MunicipalOfficerSeesTheirHazardMapTest {
    private static final String HITOYOSHI = "43203";
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("officer");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOfficerOf人吉市SeesTheRealFloodZonesAndOnlyTheirHouseholdsAndDownloadsTheList() throws Exception {
        importRealFloodSubset();
        Set<Long> ours = ids("SELECT id FROM household WHERE municipality_code = '" + HITOYOSHI + "' AND shares_with_municipality");
        Set<Long> others = ids("SELECT id FROM household WHERE municipality_code <> '" + HITOYOSHI
                + "' OR NOT shares_with_municipality");
        assertTrue(ours.size() >= 5 && others.size() > 10, ours + " / " + others);

        for (int[] size : new int[][]{{Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT}, {Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT}}) {
            try (BrowserContext context = Chromium.newContext(size[0], size[1])) {
                // No internet: the base map (地理院タイル) can't be reached.
                Chromium.withoutBaseMap(context);
                Page page = server.signIn(context, "hitoyoshi");
                String suffix = size[0] == Chromium.TABLET_WIDTH ? "-tablet" : "";
                Screenshots.onFailure(page, "FAILED-officer" + suffix, () -> officerWalksThrough(page, suffix, ours, others));
            }
        }
    }

    private void officerWalksThrough(Page page, String suffix, Set<Long> ours, Set<Long> others) throws Exception {
        assertThat(page.locator("h1")).containsText("人吉市のハザードマップ");
        assertThat(page.locator(".basis")).containsText("本人同意");
        Locator map = page.locator("#hazard-map");
        page.waitForFunction("() => Number(document.getElementById('hazard-map').dataset.hazardFeatures || 0) > 0");
        page.waitForFunction("() => Number(document.getElementById('hazard-map').dataset.householdMarkers || 0) > 0");
        page.waitForFunction("() => document.getElementById('hazard-map').dataset.hazardTilesLoaded === 'true'"
                + " && document.getElementById('hazard-map').dataset.householdTilesLoaded === 'true'");
        assertThat(page.locator("#hazard-map-offline")).isVisible();
        assertThat(page.locator("#hazard-map-offline")).containsText("背景地図（地理院タイル）を読み込めません");
        Locator legend = page.locator(".leaflet-control-container .legend");
        assertThat(legend).containsText("洪水（浸水深）");
        for (String colour : List.of("rgb(247, 245, 169)", "rgb(255, 216, 192)", "rgb(255, 183, 183)", "rgb(255, 145, 145)",
                "rgb(242, 133, 201)", "rgb(220, 122, 220)")) {
            assertTrue(legend.locator(".swatch").evaluateAll("(swatches, c) => swatches.some(s => getComputedStyle(s).backgroundColor === c)",
                    colour).equals(Boolean.TRUE), "the standard depth colour " + colour + " is in the legend");
        }
        // the tiles draw after the page has loaded, later when the machine is busy: wait for them (up to 20 s)
        long until = System.nanoTime() + 20_000_000_000L;
        // read once per look: Leaflet redraws a tile's canvas while more tiles arrive, so a second look can catch it blank
        long colours = depthColoursOnTheMap(page);
        while (colours < 2 && System.nanoTime() < until) {
            page.waitForTimeout(250);
            colours = depthColoursOnTheMap(page);
        }
        assertTrue(colours >= 2, "the zones are drawn in the standard depth colours: " + colours);
        assertNoOtherHouseholdInTheMapTiles(page, others);
        Screenshots.save(page, "20-officer-map" + suffix);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("区域内の世帯").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("人吉市：ハザード区域内の世帯");
        assertThat(page.locator(".notice-warn").first()).containsText("安全という意味ではありません");
        List<Long> listed = new ArrayList<>();
        for (String href : page.locator("#at-risk tbody tr td:first-child a").all().stream().map(a -> a.getAttribute("href")).toList()) {
            listed.add(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
        }
        assertFalse(listed.isEmpty(), "households of 人吉市 are in the real flood zones");
        assertTrue(ours.containsAll(listed), "only 人吉市's consenting households: " + listed + " of " + ours);
        assertThat(page.locator("#at-risk")).containsText("m以上");
        Screenshots.save(page, "21-officer-at-risk" + suffix);

        Download download = page.waitForDownload(() -> page.locator("#csv-download").click());
        byte[] csv = Files.readAllBytes(download.path());
        assertTrue(csv.length > 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF, "UTF-8 with BOM for Excel");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "CRLF");
        for (Long id : listed) {
            String name = server.database().queryForString("SELECT child_family_name || ' ' || child_given_name FROM household WHERE id = " + id);
            assertTrue(text.contains(name), "the CSV lists " + name);
        }
        for (Long other : others) {
            String address = server.database().queryForString("SELECT address FROM household WHERE id = " + other);
            assertFalse(text.contains(address), "the CSV holds no other household: " + address);
        }
        assertTrue(server.database().queryForLong("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND actor_username = 'hitoyoshi'") >= listed.size(),
                "the download is audited as an export");

        page.locator("#at-risk tbody tr td:first-child a").first().click();
        assertThat(page.locator("#exposure")).containsText("洪水");
        assertThat(page.locator("#exposure")).containsText("安全という意味ではありません");
        assertThat(page.locator("#shelters")).containsText("直線距離");
        page.waitForLoadState();
        assertThat(page.locator("#pin-map.leaflet-container path.leaflet-interactive")).hasCount(1);
        assertThat(page.locator("#location-longitude")).hasCount(0);
        assertThat(page.locator("#resolved-municipality")).containsText("人吉市");
        page.waitForFunction("() => document.getElementById('pin-map').dataset.hazardTilesLoaded === 'true'");
        assertTrue(Integer.parseInt(page.locator("#pin-map").getAttribute("data-hazard-features")) > 0,
                "the household's map shows the zones around the home");
        Screenshots.save(page, "22-officer-household" + suffix);

        for (Long other : others.stream().limit(5).toList()) {
            var response = page.request().get(server.url("/households/" + other), com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader("Accept", "text/html"));
            assertEquals(404, response.status(), "household " + other + " is not found for the officer");
        }
    }

    /** How many of the standard flood colours are painted on the map's hazard canvases. */
    private static int depthColoursOnTheMap(Page page) {
        Object found = page.evaluate("""
                () => {
                  const wanted = ['F7F5A9','FFD8C0','FFB7B7','FF9191','F285C9','DC7ADC'].map(h => [parseInt(h.slice(0,2),16), parseInt(h.slice(2,4),16), parseInt(h.slice(4,6),16)]);
                  const seen = new Set();
                  document.querySelectorAll('.leaflet-pane canvas').forEach(c => {
                    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 0; i < data.length; i += 16) {
                      if (data[i + 3] === 0) continue;
                      const a = data[i + 3] / 255;
                      wanted.forEach((w, k) => {
                        // Drawn at 62 % over a transparent canvas: the stored colour is the legend colour.
                        if (Math.abs(data[i] - w[0]) < 6 && Math.abs(data[i+1] - w[1]) < 6 && Math.abs(data[i+2] - w[2]) < 6) seen.add(k);
                      });
                    }
                  });
                  return seen.size;
                }""");
        return ((Number) found).intValue();
    }

    /** The household tiles around 人吉 (zoom 14) as the officer's browser fetches them: none of another municipality. */
    private void assertNoOtherHouseholdInTheMapTiles(Page page, Set<Long> others) {
        int zoom = 14;
        int seen = 0;
        for (double[] point : new double[][]{{130.7493, 32.2140}, {130.7886, 32.2103}, {130.7623, 32.2081}, {130.6934, 32.2435}}) {
            int x = (int) Math.floor((point[0] + 180) / 360 * (1 << zoom));
            double lat = Math.toRadians(point[1]);
            int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << zoom));
            var response = page.request().get(server.url("/tiles/households/" + zoom + "/" + x + "/" + y + ".mvt"));
            assertTrue(response.status() == 200 || response.status() == 204, "tile " + response.status());
            if (response.status() == 200) {
                for (MvtDecoder.Layer layer : MvtDecoder.decode(response.body())) {
                    for (MvtDecoder.Feature feature : layer.features()) {
                        assertFalse(others.contains(feature.id()), "household " + feature.id() + " of another municipality or without consent");
                        seen++;
                    }
                }
            }
        }
        assertTrue(seen > 0, "the officer's own households are in the tiles");
    }

    /** The real importer, through the import screen, as center staff do it. */
    private static void importRealFloodSubset() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = server.signIn(context, "staff");
            page.navigate(server.url("/hazard-imports"));
            page.getByLabel("読み込むデータ").selectOption("HAZARD");
            page.getByLabel("ファイル（必須）").setInputFiles(GeoData.file(GeoData.FLOOD_SUBSET));
            page.getByLabel("レイヤー名（必須）").fill("球磨川水系 洪水浸水想定区域（想定最大規模）人吉・球磨村");
            page.getByLabel("災害の種類（ハザード区域の場合）").selectOption("FLOOD");
            page.getByLabel("出典").fill("国土交通省 国土数値情報（洪水浸水想定区域データ）");
            page.getByLabel("クレジット表記").fill("「国土数値情報（洪水浸水想定区域データ）」（国土交通省）を加工して作成");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込みを始める")).click();
            page.waitForURL("**/hazard-imports/*");
            assertThat(page.locator("#import-report")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(120_000));
            assertThat(page.locator("#import-report")).containsText("読み込みが完了しました");
            Screenshots.save(page, "23-import-report-flood-subset");

            // The 45 municipalities (国土数値情報 N03), so each home's municipality is resolved from its point.
            page.navigate(server.url("/hazard-imports"));
            page.getByLabel("読み込むデータ").selectOption("BOUNDARY");
            page.getByLabel("ファイル（必須）").setInputFiles(GeoData.file(GeoData.MUNICIPALITIES_45));
            page.getByLabel("レイヤー名（必須）").fill("熊本県 行政区域（45市町村）");
            page.getByLabel("クレジット表記").fill("「国土数値情報（行政区域データ）」（国土交通省）を加工して作成");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込みを始める")).click();
            page.waitForURL("**/hazard-imports/*");
            assertThat(page.locator("#import-report")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(120_000));
        }
    }

    private static Set<Long> ids(String sql) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (var connection = server.database().connect(); var rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
