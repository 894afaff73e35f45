package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.inochi.layers.FeatureProblem;
import jp.inochi.layers.ImportFailure;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new version replaces the old one atomically; exposure follows, recomputed only where the change can matter;
 * and a failed import, however late it fails, leaves the current version and everything derived from it untouched.
 */
@MicronautTest(transactional = false)
class LayerReplacementTest {
    @TempDir
    Path temp;

    @Inject
    LayerImporter importer;
    @Inject
    TestHouseholds households;
    @Inject
    MovableClock clock;

    /** A square zone of about 110 m around (lon, lat) with a depth rank; far from every real layer (off 天草). */
    record Square(double lon, double lat, Object rank) {
        String json() {
            double h = 0.0006;
            return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":%s},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
                    rank instanceof String text ? "\"" + text + "\"" : rank, lon - h, lat - h, lon + h, lat - h, lon + h, lat + h,
                    lon - h, lat + h, lon - h, lat - h);
        }
    }

    private Path file(String name, List<Square> squares, String tail) throws Exception {
        List<String> features = new ArrayList<>();
        squares.forEach(square -> features.add(square.json()));
        return Files.writeString(temp.resolve(name), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::6668\"}},\"features\":[" + String.join(",\n", features) + tail);
    }

    private ImportReport load(String layer, Path file) throws Exception {
        return importer.importFiles(HazardImports.request(layer, HazardType.FLOOD, "試験", null, null),
                List.of(new InputFile(file, file.getFileName().toString())), ImportProgress.NONE);
    }

    private static String exposure(long household) throws Exception {
        try (var connection = Sql.connect();
             var row = connection.createStatement().executeQuery("SELECT status || ':' || coalesce(severity::text, '-') "
                     + "FROM household_hazard_exposure WHERE hazard_type = 'FLOOD' AND household_id = " + household)) {
            return row.next() ? row.getString(1) : "none";
        }
    }

    private static long evaluatedAtMillis(long household) throws Exception {
        return Sql.queryForLong("SELECT (extract(epoch FROM evaluated_at) * 1000)::bigint FROM household_hazard_exposure "
                + "WHERE hazard_type = 'FLOOD' AND household_id = ?", household);
    }

    private static String state(String layer) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM geo_layer_version v JOIN geo_layer l ON l.id = v.layer_id WHERE l.name = ?", layer)
                + " versions, current v" + Sql.queryForLong("SELECT v.version_no FROM geo_layer l JOIN geo_layer_version v ON v.id = l.current_version_id WHERE l.name = ?", layer)
                + ", " + Sql.queryForLong("SELECT count(*) FROM hazard_zone z JOIN geo_layer_version v ON v.id = z.version_id JOIN geo_layer l ON l.id = v.layer_id WHERE l.name = ?", layer)
                + " zones, " + Sql.queryForLong("SELECT count(*) FROM hazard_zone_part p JOIN geo_layer_version v ON v.id = p.version_id JOIN geo_layer l ON l.id = v.layer_id WHERE l.name = ?", layer)
                + " parts";
    }

    @Test
    void aNewVersionReplacesTheOldAndExposureFollowsOnlyWhereItCanChange() throws Exception {
        String layer = "置き換え試験 " + System.nanoTime();
        double lon = 130.10 + (System.nanoTime() % 1000) * 0.002;
        long a = households.living("43215", true, lon, 32.50).id();
        long b = households.living("43215", true, lon + 0.01, 32.50).id();
        long c = households.living("43215", true, lon, 32.60).id();
        long d = households.living("43215", true, lon + 0.02, 32.50).id();

        ImportReport first = load(layer, file("v1.geojson", List.of(new Square(lon, 32.50, 2), new Square(lon + 0.01, 32.50, 4)), "]}"));
        assertEquals(1, first.versionNo());
        assertEquals("IN_ZONE:2", exposure(a));
        assertEquals("IN_ZONE:4", exposure(b));
        assertEquals("NOT_DESIGNATED:-", exposure(c));
        long cEvaluated = evaluatedAtMillis(c);

        clock.advance(Duration.ofHours(1));
        ImportReport second = load(layer, file("v2.geojson", List.of(new Square(lon, 32.50, 5), new Square(lon + 0.02, 32.50, 1)), "]}"));
        assertEquals(2, second.versionNo());
        assertEquals(first.versionId(), second.previousVersionId());
        assertEquals("IN_ZONE:5", exposure(a));
        assertEquals("NOT_DESIGNATED:-", exposure(b), "its zone is gone in version 2");
        assertEquals("IN_ZONE:1", exposure(d));
        assertEquals(cEvaluated, evaluatedAtMillis(c), "a home far from both versions was not recomputed");
        assertEquals("2 versions, current v2, 2 zones, 2 parts", state(layer), "version 1's zones are deleted, its record kept");
        assertEquals("SUPERSEDED", Sql.queryForLong("SELECT count(*) FROM geo_layer_version WHERE id = ? AND status = 'SUPERSEDED'",
                first.versionId()) == 1 ? "SUPERSEDED" : "still current");
    }

    @Test
    void anImportFailingOnTheLastFeaturesAttributeChangesNothing() throws Exception {
        String layer = "失敗試験 属性 " + System.nanoTime();
        double lon = 130.12 + (System.nanoTime() % 1000) * 0.002;
        long a = households.living("43215", true, lon, 32.52).id();
        load(layer, file("v1.geojson", List.of(new Square(lon, 32.52, 3)), "]}"));
        String before = state(layer);

        List<Square> squares = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            squares.add(new Square(lon + 0.002 * (i % 30), 32.52 + 0.002 * (i / 30), 6));
        }
        squares.add(new Square(lon + 0.1, 32.52, 9));
        ImportFailure failure = assertThrows(ImportFailure.class, () -> load(layer, file("bad.geojson", squares, "]}")));
        FeatureProblem problem = failure.problems().get(0);
        assertEquals(601, problem.featureIndex());
        assertEquals("depth_rank", problem.field());
        assertTrue(failure.detail().contains("601番目の地物の項目「depth_rank」"), failure.detail());
        assertTrue(failure.detail().contains("現在の版はそのまま"), failure.detail());
        assertEquals(before, state(layer));
        assertEquals("IN_ZONE:3", exposure(a), "exposure still from version 1");
    }

    /**
     * Features are read, validated and copied on different threads: a feature in the middle that stops the import
     * (its attribute, or the file broken there) comes after whole batches were already copied into the staging
     * table, and still nothing changes and the Japanese reason names it.
     */
    @Test
    void aBadFeatureInTheMiddleOfAParallelImportChangesNothingAndIsNamed() throws Exception {
        String layer = "失敗試験 並列 " + System.nanoTime();
        double lon = 130.18 + (System.nanoTime() % 1000) * 0.002;
        long a = households.living("43215", true, lon, 32.58).id();
        load(layer, file("v1.geojson", List.of(new Square(lon, 32.58, 3)), "]}"));
        String before = state(layer);
        List<Square> squares = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            squares.add(new Square(lon + 0.002 * (i % 50), 32.58 + 0.002 * (i / 50), i == 1499 ? 9 : 5));
        }
        ImportFailure failure = assertThrows(ImportFailure.class, () -> load(layer, file("middle.geojson", squares, "]}")));
        assertEquals(1500, failure.problems().get(0).featureIndex());
        assertTrue(failure.detail().contains("1500番目の地物の項目「depth_rank」"), failure.detail());
        assertTrue(failure.detail().contains("現在の版はそのまま"), failure.detail());
        assertEquals(before, state(layer));
        assertEquals("IN_ZONE:3", exposure(a), "exposure still from version 1");

        List<Square> firstHalf = squares.subList(0, 1499);
        Path broken = file("broken.geojson", List.of(), "");
        String good = Files.readString(file("good.geojson", firstHalf.stream().map(s -> new Square(s.lon(), s.lat(), 5)).toList(), ""));
        Files.writeString(broken, good + ",\n{\"type\":\"Feature\",,}," + squares.get(1600).json() + "]}");
        ImportFailure cut = assertThrows(ImportFailure.class, () -> load(layer, broken));
        assertTrue(cut.detail().contains("broken.geojson は JSON として正しくありません"), cut.detail());
        assertEquals(before, state(layer));
        assertEquals("IN_ZONE:3", exposure(a));
    }

    @Test
    void aFileCutOffHalfWayChangesNothing() throws Exception {
        String layer = "失敗試験 途切れ " + System.nanoTime();
        double lon = 130.14 + (System.nanoTime() % 1000) * 0.002;
        load(layer, file("v1.geojson", List.of(new Square(lon, 32.54, 3)), "]}"));
        String before = state(layer);
        ImportFailure failure = assertThrows(ImportFailure.class, () -> load(layer,
                file("cut.geojson", List.of(new Square(lon, 32.54, 4), new Square(lon + 0.01, 32.54, 4)), ",{\"type\":\"Feature\",\"prop")));
        assertTrue(failure.detail().contains("JSON として正しくありません"), failure.detail());
        assertEquals(before, state(layer));
    }

    @Test
    void anImportFailingInSqlAfterEveryFeatureWasStagedChangesNothing() throws Exception {
        String layer = "失敗試験 座標系 " + System.nanoTime();
        double lon = 130.16 + (System.nanoTime() % 1000) * 0.002;
        long a = households.living("43215", true, lon, 32.56).id();
        load(layer, file("v1.geojson", List.of(new Square(lon, 32.56, 2)), "]}"));
        String before = state(layer);
        // Zone II metres declared as longitude/latitude: every feature is read and staged, then the extent check fails.
        Path planeMetres = Files.writeString(temp.resolve("metres.geojson"), "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"depth_rank\":4},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-22000,-87000],[-21900,-87000],[-21900,-86900],[-22000,-86900],"
                + "[-22000,-87000]]]}}]}");
        ImportFailure failure = assertThrows(ImportFailure.class, () -> load(layer, planeMetres));
        assertTrue(failure.detail().contains("日本の範囲外"), failure.detail());
        assertTrue(failure.detail().contains("EPSG:6668 として読みました"), failure.detail());
        assertEquals(before, state(layer));
        assertEquals("IN_ZONE:2", exposure(a));
    }
}
