package jp.inochi.atrisk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import jp.inochi.testsupport.Chromium;
import jp.inochi.testsupport.Readability;
import jp.inochi.testsupport.Screenshots;
import jp.inochi.testsupport.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The at-risk map on the demo data (issue 12's map bullet, issue 18's boundaries): the legend folds with its 「凡例」
 * button and never covers the layer switches; each hazard type has its own switch; the officer's municipal boundary is
 * drawn and the map fitted to it, the center's map draws every border; the boundaries' credit is in the map's
 * attribution; zoomed out, homes are numbered clusters that zoom in when chosen; at 820 px nothing is wider than the
 * window.
 */
class MapLegendSwitchesBoundaryAndClustersTest {
    static final String CREDIT = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";
    private static UiServer server;

    @BeforeAll
    static void start() {
        server = UiServer.start("map");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Page openMap(BrowserContext context, String user) {
        Chromium.withoutBaseMap(context);
        Page page = server.signIn(context, user);
        page.navigate(server.url("/map"));
        page.waitForFunction("() => Number(document.getElementById('hazard-map').dataset.boundaryAreas || 0) > 0");
        page.waitForFunction("() => document.getElementById('hazard-map').dataset.householdTilesLoaded === 'true'");
        return page;
    }

    @Test
    void atDesktopWidthTheOfficersLegendFoldsAndASwitchTogglesItsLayerBesideTheirBoundaryAndItsCredit() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = openMap(context, "hitoyoshi");
            Screenshots.onFailure(page, "FAILED-map-officer", () -> {
                Locator toggle = page.locator(".legend .legend-toggle");
                Locator body = page.locator("#hazard-legend-body");
                Locator switches = page.locator(".leaflet-control-layers");
                assertThat(toggle).hasText("凡例");
                assertThat(toggle).hasAttribute("aria-expanded", "true");
                assertThat(body).isVisible();
                assertNoOverlap(page.locator(".legend").boundingBox(), switches.boundingBox(), "the open legend and the switches");
                Screenshots.save(page, "40-map-officer-legend-open");

                toggle.click();
                assertThat(toggle).hasAttribute("aria-expanded", "false");
                assertThat(body).isHidden();

                for (String type : List.of("洪水", "土砂災害", "津波", "高潮")) {
                    assertThat(switches.locator("label", new Locator.LocatorOptions().setHasText(type))).hasCount(1);
                }
                Locator flood = switches.locator("label", new Locator.LocatorOptions().setHasText("洪水")).locator("input");
                assertThat(flood).isChecked();
                assertThat(page.locator(".hazard-FLOOD")).hasCount(1);
                flood.click();
                assertThat(flood).not().isChecked();
                assertThat(page.locator(".hazard-FLOOD")).hasCount(0);
                assertThat(page.locator(".hazard-LANDSLIDE")).hasCount(1);
                flood.click();
                assertThat(page.locator(".hazard-FLOOD")).hasCount(1);
                assertNoOverlap(page.locator(".legend").boundingBox(), switches.boundingBox(), "the folded legend and the switches");

                assertThat(page.locator("#hazard-map path.boundary-focus").first()).isAttached();
                assertEquals(page.locator("#hazard-map path.boundary").count(), page.locator("#hazard-map path.boundary-focus").count(),
                        "the officer's map outlines only their own municipality");
                assertTrue(page.locator("#hazard-map path.boundary-focus").first().getAttribute("d").length() > 20,
                        "the outline has a shape");
                Locator attribution = page.locator(".leaflet-control-attribution");
                assertThat(attribution).isVisible();
                assertThat(attribution).containsText(CREDIT);
                assertThat(page.locator("#boundary-credit")).containsText(CREDIT);

                switches.locator("label", new Locator.LocatorOptions().setHasText("行政区域")).locator("input").click();
                assertThat(page.locator("#hazard-map path.boundary")).hasCount(0);
                assertFalse(attribution.textContent().contains(CREDIT), "the credit goes with the lines");
                switches.locator("label", new Locator.LocatorOptions().setHasText("行政区域")).locator("input").click();
                assertThat(attribution).containsText(CREDIT);
                Screenshots.save(page, "41-map-officer-legend-folded");
            });
        }
    }

    @Test
    void theCentersMapDrawsEveryBorderAndAClusterZoomsInWhenChosen() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT)) {
            Page page = openMap(context, "staff");
            Screenshots.onFailure(page, "FAILED-map-center", () -> {
                assertTrue(page.locator("#hazard-map path.boundary").count() >= 45, "the 45 municipalities and 熊本市's wards");
                assertThat(page.locator("#hazard-map path.boundary-focus")).hasCount(0);
                assertThat(page.locator(".leaflet-control-attribution")).containsText(CREDIT);
                page.waitForFunction("() => Number(document.getElementById('hazard-map').dataset.clusterMarkers || 0) > 0");
                Screenshots.save(page, "42-map-center-clusters");
                // Clusters of nearby cells may overlap; a user clicks the one on top, so the test does too.
                int onTop = ((Number) page.evaluate("""
                        () => [...document.querySelectorAll('.cluster-marker')].findIndex(marker => {
                            const box = marker.getBoundingClientRect();
                            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                            return hit !== null && marker.contains(hit);
                        })""")).intValue();
                assertTrue(onTop >= 0, "at least one cluster is not covered by another");
                Locator cluster = page.locator(".cluster-marker").nth(onTop);
                assertTrue(Integer.parseInt(cluster.textContent().strip()) >= 2, "a cluster counts two homes or more");
                double before = ((Number) page.evaluate("() => window.inochiHazardMap.getZoom()")).doubleValue();
                cluster.click();
                page.waitForFunction("z => window.inochiHazardMap.getZoom() > z", before);
            });
        }
    }

    @Test
    void atTabletWidthTheLegendStartsFoldedAndNothingIsWiderThanTheWindow() throws Exception {
        try (BrowserContext context = Chromium.newContext(Chromium.TABLET_WIDTH, Chromium.TABLET_HEIGHT)) {
            Page page = openMap(context, "hitoyoshi");
            Screenshots.onFailure(page, "FAILED-map-officer-tablet", () -> {
                assertThat(page.locator(".legend .legend-toggle")).hasAttribute("aria-expanded", "false");
                assertThat(page.locator("#hazard-legend-body")).isHidden();
                assertNoOverlap(page.locator(".legend").boundingBox(), page.locator(".leaflet-control-layers").boundingBox(),
                        "the legend and the switches");
                assertThat(page.locator(".leaflet-control-attribution")).containsText(CREDIT);
                Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                assertEquals(Boolean.FALSE, wider, "no horizontal scroll at 820 px");
                assertEquals(List.of(), Readability.problems(page, "/map at 820 px"));
                page.locator(".legend .legend-toggle").click();
                assertThat(page.locator("#hazard-legend-body")).isVisible();
                assertNoOverlap(page.locator(".legend").boundingBox(), page.locator(".leaflet-control-layers").boundingBox(),
                        "the open legend and the switches");
                Screenshots.save(page, "43-map-officer-tablet");
            });
        }
    }

    private static void assertNoOverlap(BoundingBox a, BoundingBox b, String what) {
        boolean apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assertTrue(apart, what + " overlap: " + a.x + "," + a.y + " " + a.width + "x" + a.height + " / " + b.x + "," + b.y
                + " " + b.width + "x" + b.height);
    }
}
