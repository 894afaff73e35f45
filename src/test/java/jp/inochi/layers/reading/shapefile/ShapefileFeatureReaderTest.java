package jp.inochi.layers.reading.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.layers.reading.geojson.GeoJsonFeatureReader;
import jp.inochi.testsupport.GeoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our reader against shapefiles written by GDAL (ogr2ogr), the reference every GIS tool agrees with. */
class ShapefileFeatureReaderTest {
    @TempDir
    static Path temp;
    static Path shp;

    @BeforeAll
    static void writeTheFloodSubsetAsAPlaneRectangularShapefileInShiftJis() throws Exception {
        shp = temp.resolve("flood6670.shp");
        GeoData.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:6670", "-lco", "ENCODING=CP932", shp.toString(),
                GeoData.file(GeoData.FLOOD_SUBSET).toString());
        Files.delete(temp.resolve("flood6670.cpg"));
    }

    private static ShapefileFeatureReader reader(Path directory, boolean withPrj) {
        return new ShapefileFeatureReader(new InputFile(directory.resolve("flood6670.shp"), "flood6670.shp"),
                new InputFile(directory.resolve("flood6670.dbf"), "flood6670.dbf"),
                withPrj ? new InputFile(directory.resolve("flood6670.prj"), "flood6670.prj") : null, null, null, 1);
    }

    @Test
    void withoutCpgTheDbfIsReadAsCp932AndTheJapaneseLabelsComeOutRight() throws Exception {
        try (ShapefileFeatureReader reader = reader(temp, true)) {
            SourceDescription description = reader.describe();
            assertEquals(1100, description.featureCount());
            assertTrue(description.crs().wkt().contains("JGD_2011_Japan_Zone_2"), description.crs().wkt());
            assertTrue(description.warnings().get(0).contains("CP932"));
            Map<Long, String> labels = new HashMap<>();
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                labels.put(feature.index(), (String) feature.attributes().get("depth_labe"));
            }
            assertEquals(1100, labels.size());
            assertEquals("0m以上0.5m未満", labels.get(1L));
            assertTrue(labels.containsValue("3.0m以上5.0m未満"));
        }
    }

    @Test
    void everyPolygonHasTheAreaOfTheGeoJsonFeatureItWasWrittenFrom() throws Exception {
        // Same order as the source; areas compared in their own CRS would differ, so compare shapes: parts and holes.
        try (ShapefileFeatureReader shapefile = reader(temp, true);
             GeoJsonFeatureReader source = new GeoJsonFeatureReader(GeoData.file(GeoData.FLOOD_SUBSET), "subset", 1)) {
            shapefile.describe();
            source.describe();
            SourceFeature fromShp;
            int polygonsWithHoles = 0;
            while ((fromShp = shapefile.next()) != null) {
                SourceFeature fromJson = source.next();
                assertEquals(fromJson.geometry().getNumGeometries(), fromShp.geometry().getNumGeometries(), fromShp.where());
                assertEquals(fromJson.geometry().getNumPoints(), fromShp.geometry().getNumPoints(), fromShp.where());
                assertEquals(((Number) fromJson.attributes().get("depth_rank")).longValue(), fromShp.attributes().get("depth_rank"));
                for (int i = 0; i < fromShp.geometry().getNumGeometries(); i++) {
                    polygonsWithHoles += ((org.locationtech.jts.geom.Polygon) fromShp.geometry().getGeometryN(i)).getNumInteriorRing() > 0 ? 1 : 0;
                }
            }
            assertTrue(polygonsWithHoles > 0, "the subset has polygons with holes, assembled from counter-clockwise rings");
        }
    }

    @Test
    void aShpWithoutItsDbfIsRefusedNamingTheMissingFile() {
        UnreadableFileException refused = assertThrows(UnreadableFileException.class, () -> new ShapefileFeatureReader(
                new InputFile(shp, "flood6670.shp"), null, null, null, null, 1));
        assertTrue(refused.getMessage().contains(".dbf"), refused.getMessage());
    }

    @Test
    void aCpgNamingUtf8IsObeyed() throws Exception {
        Path copy = Files.createDirectory(temp.resolve("utf8"));
        GeoData.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", copy.resolve("flood6670.shp").toString(),
                GeoData.file(GeoData.FLOOD_SUBSET).toString());
        assertEquals("UTF-8", Files.readString(copy.resolve("flood6670.cpg"), StandardCharsets.US_ASCII).strip());
        try (ShapefileFeatureReader reader = new ShapefileFeatureReader(new InputFile(copy.resolve("flood6670.shp"), "flood6670.shp"),
                new InputFile(copy.resolve("flood6670.dbf"), "flood6670.dbf"), null,
                new InputFile(copy.resolve("flood6670.cpg"), "flood6670.cpg"), null, 1)) {
            assertFalse(reader.describe().warnings().stream().anyMatch(warning -> warning.contains("CP932")));
            assertEquals("0m以上0.5m未満", reader.next().attributes().get("depth_labe"));
        }
    }

    @Test
    void aCorruptShpSaysWhichFeatureIsBroken() throws Exception {
        Path broken = Files.createDirectory(temp.resolve("broken"));
        byte[] bytes = Files.readAllBytes(shp);
        Files.write(broken.resolve("flood6670.shp"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.copy(temp.resolve("flood6670.dbf"), broken.resolve("flood6670.dbf"));
        try (ShapefileFeatureReader reader = reader(broken, false)) {
            reader.describe();
            UnreadableFileException refused = assertThrows(UnreadableFileException.class, () -> {
                while (reader.next() != null) {
                    // read to the break
                }
            });
            assertTrue(refused.getMessage().matches(".*flood6670\\.shp が \\d+番目の図形の途中で終わっています.*"), refused.getMessage());
        }
    }
}
