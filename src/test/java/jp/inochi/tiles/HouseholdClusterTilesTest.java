package jp.inochi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.UnaryOperator;
import jp.inochi.access.Role;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.testsupport.MvtDecoder;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Out of zoom 14, homes that share a cell are one cluster with their count, and the count holds only the homes the
 * viewer may see: at sea south-west of 天草 (a spot no other test uses) three consenting homes of 人吉市, one without
 * consent, and two of 球磨村 stand within 100 m of each other.
 */
@MicronautTest(transactional = false)
class HouseholdClusterTilesTest {
    static final double LON = 130.0;
    static final double LAT = 32.0;
    static long[] hitoyoshi;
    static long withoutConsent;

    @Inject
    TestHouseholds households;
    @Inject
    TestLogins logins;
    @Inject
    AuditEntryRepository audit;
    @Inject
    @Client("/")
    HttpClient client;

    @BeforeEach
    void sixHomesInOneCellOnce() {
        if (hitoyoshi != null) {
            return;
        }
        hitoyoshi = new long[] {
                households.living("43203", true, LON, LAT).id(),
                households.living("43203", true, LON + 0.0003, LAT, false).id(),
                households.living("43203", true, LON, LAT + 0.0003, false).id()};
        withoutConsent = households.living("43203", false, LON + 0.0003, LAT + 0.0003, false).id();
        households.living("43513", true, LON - 0.0003, LAT, false);
        households.living("43513", true, LON, LAT - 0.0003, false);
    }

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double radians = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * (1 << z));
    }

    private List<MvtDecoder.Layer> tile(int z, int x, int y, UnaryOperator<MutableHttpRequest<?>> as) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                as.apply(HttpRequest.GET("/tiles/households/" + z + "/" + x + "/" + y + ".mvt")), byte[].class);
        return response.code() == 204 ? List.of() : MvtDecoder.decode(response.body());
    }

    private static List<MvtDecoder.Feature> layer(List<MvtDecoder.Layer> tile, String name) {
        return tile.stream().filter(layer -> layer.name().equals(name)).flatMap(layer -> layer.features().stream()).toList();
    }

    /** Homes the tile counts: each single home once, each cluster by its count. */
    private static long counted(List<MvtDecoder.Layer> tile) {
        return layer(tile, "households").size()
                + layer(tile, "clusters").stream().mapToLong(f -> (Long) f.attributes().get("households")).sum();
    }

    @Test
    void theCenterSeesOneClusterOfAllSixWithItsVentilatorCount() {
        List<MvtDecoder.Layer> tile = tile(10, tileX(LON, 10), tileY(LAT, 10), r -> logins.as(Role.CENTER_STAFF, r));
        MvtDecoder.Feature cluster = layer(tile, "clusters").stream()
                .filter(f -> (Long) f.attributes().get("households") == 6L).findFirst().orElseThrow();
        assertEquals(1L, cluster.attributes().get("ventilators"));
        assertTrue(cluster.attributes().keySet().stream().noneMatch(key -> key.contains("name") || key.contains("address")));
    }

    @Test
    void anOfficersClusterCountsOnlyTheirConsentingHomesAndOnlyThoseAreAuditedAsRead() {
        long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        List<MvtDecoder.Layer> tile = tile(10, tileX(LON, 10), tileY(LAT, 10), r -> logins.asOfficerOf("43203", r));
        assertEquals(List.of(3L), layer(tile, "clusters").stream().map(f -> f.attributes().get("households")).toList());
        assertEquals(0, layer(tile, "households").size());
        for (long home : hitoyoshi) {
            assertEquals(1, audit.findByHouseholdIdOrderByIdAsc(home).stream().filter(entry -> entry.id() > before).count());
        }
        assertEquals(0, audit.findByHouseholdIdOrderByIdAsc(withoutConsent).stream().filter(entry -> entry.id() > before).count());

        List<MvtDecoder.Layer> kuma = tile(10, tileX(LON, 10), tileY(LAT, 10), r -> logins.asOfficerOf("43513", r));
        assertEquals(List.of(2L), layer(kuma, "clusters").stream().map(f -> f.attributes().get("households")).toList());
    }

    @Test
    void overThePrefectureAnOfficersTilesCountExactlyTheHomesTheirScopeHoldsAndNoneOfAnotherMunicipality() throws Exception {
        int z = 8;
        int west = tileX(129.0, z);
        int east = tileX(132.0, z);
        int north = tileY(34.0, z);
        int south = tileY(31.5, z);
        long counted = 0;
        for (int x = west; x <= east; x++) {
            for (int y = north; y <= south; y++) {
                counted += counted(tile(z, x, y, r -> logins.asOfficerOf("43203", r)));
            }
        }
        String inTiles = "h.location IS NOT NULL AND ST_X(h.location) >= ? AND ST_X(h.location) < ? AND ST_Y(h.location) <= ?"
                + " AND ST_Y(h.location) > ?";
        Object[] box = {lon(west, z), lon(east + 1, z), lat(north, z), lat(south + 1, z)};
        long scoped = Sql.queryForLong("SELECT count(*) FROM household h WHERE " + inTiles
                + " AND household_access_basis(h, 'MUNICIPAL_OFFICER', '43203', NULL, now()) IS NOT NULL", box);
        long others = Sql.queryForLong("SELECT count(*) FROM household h WHERE " + inTiles
                + " AND household_access_basis(h, 'MUNICIPAL_OFFICER', '43203', NULL, now()) IS NOT NULL"
                + " AND h.municipality_code <> '43203'", box);
        assertTrue(scoped >= 3, "our three homes at least: " + scoped);
        assertEquals(scoped, counted, "every home the officer may see, counted once, and no other");
        assertEquals(0, others, "the officer's scope holds no household of another municipality");
    }

    @Test
    void fromZoom14EachHomeIsAFeatureOfItsOwn() {
        int z = HouseholdTiles.CLUSTER_BELOW_ZOOM;
        List<MvtDecoder.Layer> tile = tile(z, tileX(LON, z), tileY(LAT, z), r -> logins.asOfficerOf("43203", r));
        assertEquals(0, layer(tile, "clusters").size());
        assertTrue(layer(tile, "households").stream().map(MvtDecoder.Feature::id).toList()
                .containsAll(List.of(hitoyoshi[0], hitoyoshi[1], hitoyoshi[2])));
    }

    private static double lon(int x, int z) {
        return x / (double) (1 << z) * 360 - 180;
    }

    private static double lat(int y, int z) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * y / (1 << z)))));
    }
}
