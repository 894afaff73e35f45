package jp.inochi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.inochi.hazards.HazardImports;
import jp.inochi.access.Role;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.exposure.HouseholdExposures;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.MvtDecoder;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hazard tiles for everyone; household tiles only with the homes the viewer may see, each read audited. 長洲町 is ours alone. */
@MicronautTest(transactional = false)
class TileTest {
    static final String NAGASU = "43368";
    static final double LON = 130.4530;
    static final double LAT = 32.9310;
    static final int Z = 15;
    static long[] homes;

    @TempDir
    static Path temp;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    HouseholdExposures exposures;
    @Inject
    TestLogins logins;
    @Inject
    AuditEntryRepository audit;
    @Inject
    @Client("/")
    HttpClient client;

    static int tileX(double lon) {
        return (int) Math.floor((lon + 180) / 360 * (1 << Z));
    }

    static int tileY(double lat) {
        double radians = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * (1 << Z));
    }

    @BeforeEach
    void oneZoneAndThreeHomesOnce() throws Exception {
        if (homes != null) {
            return;
        }
        double h = 0.001;
        Path zone = Files.writeString(temp.resolve("nagasu.geojson"), String.format(Locale.ROOT, "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"depth_rank\":3},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],"
                + "[%f,%f],[%f,%f]]]}}]}", LON - h, LAT - h, LON + h, LAT - h, LON + h, LAT + h, LON - h, LAT + h, LON - h, LAT - h));
        importer.importFiles(HazardImports.request("タイル試験 長洲 洪水", HazardType.FLOOD, "試験", null, null),
                List.of(new InputFile(zone, "nagasu.geojson")), ImportProgress.NONE);
        homes = new long[] {
                households.living(NAGASU, true, LON, LAT).id(),
                households.living(NAGASU, true, LON + 0.0005, LAT + 0.0005, false).id(),
                households.living(NAGASU, false, LON - 0.0005, LAT).id()};
        exposures.refreshStale();
    }

    @Test
    void aHazardTileHoldsTheZoneWithItsSeverityLabelAndLegendColourForAnyone() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                HttpRequest.GET("/tiles/hazards/" + Z + "/" + tileX(LON) + "/" + tileY(LAT) + ".mvt"), byte[].class);
        assertEquals("application/vnd.mapbox-vector-tile", response.getContentType().orElseThrow().toString());
        MvtDecoder.Layer layer = MvtDecoder.decode(response.body()).get(0);
        assertEquals("hazards", layer.name());
        MvtDecoder.Feature zone = layer.features().stream().filter(feature -> "タイル試験 長洲 洪水".equals(feature.attributes().get("layer")))
                .findFirst().orElseThrow();
        assertEquals("FLOOD", zone.attributes().get("hazard_type"));
        assertEquals(3L, zone.attributes().get("severity"));
        assertEquals("3.0m以上5.0m未満", zone.attributes().get("label"));
        assertEquals("#FFB7B7", zone.attributes().get("colour"));
    }

    @Test
    void aNewVersionOfALayerIsInTheVeryNextTileNotTheOneKeptFromBefore() throws Exception {
        // a square of its own at sea west of 天草, away from this class's other zone and homes
        double lon = 129.90;
        double lat = 32.40;
        String tile = "/tiles/hazards/" + Z + "/" + tileX(lon) + "/" + tileY(lat) + ".mvt";
        importSquare("タイル試験 版の切り替え", lon, lat, 2);
        assertEquals(List.of(2L), severities(tile, "タイル試験 版の切り替え"));
        assertEquals(List.of(2L), severities(tile, "タイル試験 版の切り替え"), "asked again, the same tile");
        importSquare("タイル試験 版の切り替え", lon, lat, 5);
        assertEquals(List.of(5L), severities(tile, "タイル試験 版の切り替え"), "the new version, at once");
    }

    private void importSquare(String layer, double lon, double lat, int depthRank) throws Exception {
        double h = 0.001;
        Path file = Files.writeString(temp.resolve("square-" + depthRank + ".geojson"), String.format(Locale.ROOT,
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},"
                        + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"depth_rank\":%d},\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}]}", depthRank,
                lon - h, lat - h, lon + h, lat - h, lon + h, lat + h, lon - h, lat + h, lon - h, lat - h));
        importer.importFiles(HazardImports.request(layer, HazardType.FLOOD, "試験", null, null),
                List.of(new InputFile(file, file.getFileName().toString())), ImportProgress.NONE);
    }

    private List<Long> severities(String tile, String layer) {
        byte[] body = client.toBlocking().exchange(HttpRequest.GET(tile), byte[].class).body();
        return MvtDecoder.decode(body).get(0).features().stream()
                .filter(feature -> layer.equals(feature.attributes().get("layer")))
                .map(feature -> (Long) feature.attributes().get("severity")).toList();
    }

    @Test
    void aTileWithNothingInItIsNoContent() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/tiles/hazards/" + Z + "/" + tileX(140.0) + "/"
                + tileY(20.0) + ".mvt"), byte[].class);
        assertEquals(204, response.code());
    }

    @Test
    void anOfficerSeesOnlyTheConsentingHomesOfTheirMunicipalityAndEachIsAuditedAsRead() {
        long before = Sql.queryForLongUnchecked("SELECT coalesce(max(id), 0) FROM audit_log");
        HttpResponse<byte[]> response = client.toBlocking().exchange(logins.asOfficerOf(NAGASU,
                HttpRequest.GET("/tiles/households/" + Z + "/" + tileX(LON) + "/" + tileY(LAT) + ".mvt")), byte[].class);
        MvtDecoder.Layer layer = MvtDecoder.decode(response.body()).get(0);
        assertEquals("households", layer.name());
        Set<Long> shown = layer.features().stream().map(MvtDecoder.Feature::id).collect(Collectors.toSet());
        assertEquals(Set.of(homes[0], homes[1]), shown);
        MvtDecoder.Feature first = layer.features().stream().filter(feature -> feature.id() == homes[0]).findFirst().orElseThrow();
        assertEquals(true, first.attributes().get("ventilator"));
        assertEquals(3L, first.attributes().get("flood"));
        assertTrue(first.attributes().keySet().stream().noneMatch(key -> key.contains("name") || key.contains("address")));
        for (long home : new long[] {homes[0], homes[1]}) {
            assertEquals(AuditAction.READ, audit.findByHouseholdIdOrderByIdAsc(home).stream().filter(entry -> entry.id() > before)
                    .findFirst().orElseThrow().action());
        }
        assertEquals(0, audit.findByHouseholdIdOrderByIdAsc(homes[2]).stream().filter(entry -> entry.id() > before).count());
        assertEquals("private, no-store", response.header("Cache-Control"));
    }

    @Test
    void theCenterSeesEveryHomeAndAnOfficerOfAnotherMunicipalityNone() {
        byte[] center = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET("/tiles/households/" + Z + "/" + tileX(LON) + "/" + tileY(LAT) + ".mvt")), byte[].class);
        assertTrue(MvtDecoder.decode(center).get(0).features().stream().map(MvtDecoder.Feature::id).collect(Collectors.toSet())
                .containsAll(Set.of(homes[0], homes[1], homes[2])));
        HttpResponse<byte[]> other = client.toBlocking().exchange(logins.asOfficerOf("43203",
                HttpRequest.GET("/tiles/households/" + Z + "/" + tileX(LON) + "/" + tileY(LAT) + ".mvt")), byte[].class);
        assertEquals(204, other.code());
    }

    @Test
    void householdTilesNeedSignInAndAuditorsGetNone() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/tiles/households/" + Z + "/" + tileX(LON) + "/" + tileY(LAT) + ".mvt"), byte[].class));
        assertEquals(401, anonymous.getStatus().getCode());
        HttpClientResponseException auditor = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(logins.as(Role.AUDITOR, HttpRequest.GET("/tiles/households/" + Z + "/" + tileX(LON) + "/" + tileY(LAT)
                        + ".mvt")), byte[].class));
        assertEquals(403, auditor.getStatus().getCode());
    }

    @Test
    void aTileOutsideTheZoomsRangeIsRefused() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/tiles/hazards/3/9/1.mvt"), byte[].class));
        assertEquals(400, refused.getStatus().getCode());
    }
}
