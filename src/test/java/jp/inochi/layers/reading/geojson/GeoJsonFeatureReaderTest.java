package jp.inochi.layers.reading.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;
import jp.inochi.testsupport.GeoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonFeatureReaderTest {
    @TempDir
    Path temp;

    private GeoJsonFeatureReader reader(String json) throws IOException {
        return new GeoJsonFeatureReader(Files.writeString(temp.resolve("t.geojson"), json), "t.geojson", 1);
    }

    @Test
    void theFloodSubsetDeclaresJgd2011AndHolds1100Features() throws IOException {
        try (GeoJsonFeatureReader reader = new GeoJsonFeatureReader(GeoData.file(GeoData.FLOOD_SUBSET), "subset", 1)) {
            SourceDescription description = reader.describe();
            assertEquals(6668, description.crs().epsg());
            assertEquals(1100, description.featureCount());
            assertTrue(description.fieldNames().containsAll(java.util.List.of("depth_rank", "depth_label")));
            SourceFeature first = reader.next();
            assertEquals(1, first.index());
            assertEquals("0m以上0.5m未満", first.attributes().get("depth_label"));
            int count = 1;
            while (reader.next() != null) {
                count++;
            }
            assertEquals(1100, count);
        }
    }

    @Test
    void brokenJsonIsRefusedInPassOneWithTheLineAndColumn() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":1},\"geometry\":null},\n"
                + "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":2,},\"geometry\":null}]}")) {
            UnreadableFileException broken = assertThrows(UnreadableFileException.class, reader::describe);
            assertTrue(broken.getMessage().contains("JSON として正しくありません"), broken.getMessage());
            assertTrue(broken.getMessage().contains("3行"), broken.getMessage());
        }
    }

    @Test
    void aFileCutOffInTheMiddleIsRefused() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",")) {
            assertThrows(UnreadableFileException.class, reader::describe);
        }
    }

    @Test
    void aTruncatedFileIsRefusedInJapaneseWithTheLineAndColumnAndWithoutJacksonsEnglish() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":1},\"geometry\":{\"type\":\"Polygon\",\n"
                + "\"coordinates\":[[[130.7,32.2],[130.71")) {
            String message = assertThrows(UnreadableFileException.class, reader::describe).getMessage();
            assertTrue(message.startsWith("t.geojson は JSON として正しくありません（3行 "), message);
            assertTrue(message.contains("列付近）。ファイルが途中で終わっています"), message);
            assertFalse(message.matches("(?s).*(Unexpected|end-of-input|marker|expected).*"), message);
        }
    }

    @Test
    void aMissingCommaIsExplainedInJapaneseAtItsPlace() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}\n{\"type\":\"Feature\"}]}")) {
            String message = assertThrows(UnreadableFileException.class, reader::describe).getMessage();
            assertTrue(message.contains("（3行 1列付近）。「{」の前にカンマ（,）が抜けています"), message);
        }
    }

    @Test
    void anEmptyFeatureCollectionSaysItHasNoFeaturesRatherThanThatAFieldIsMissing() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":[]}")) {
            String message = assertThrows(UnreadableFileException.class, reader::describeFeatures).getMessage();
            assertEquals("t.geojson には地物が1件もありません（GeoJSON）。地物を含むファイルを送ってください", message);
        }
    }

    @Test
    void aFileOfNothingButSpacesSaysItIsEmpty() throws IOException {
        try (GeoJsonFeatureReader reader = reader("  \n")) {
            String message = assertThrows(UnreadableFileException.class, reader::describe).getMessage();
            assertTrue(message.startsWith("t.geojson は空です"), message);
        }
    }

    @Test
    void withoutCrsMemberTheCoordinatesAreWgs84AsRfc7946SaysAndTheReportSaysSo() throws IOException {
        try (GeoJsonFeatureReader reader = new GeoJsonFeatureReader(GeoData.file(GeoData.TAMANA_LANDSLIDE), "tamana", 1)) {
            SourceDescription description = reader.describe();
            assertEquals(4326, description.crs().epsg());
            assertTrue(description.warnings().get(0).contains("RFC 7946"), description.warnings().toString());
        }
    }

    @Test
    void anUnknownCrsNameIsKeptForTheErrorMessage() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"Tokyo Datum local grid\"}},\"features\":[]}")) {
            SourceDescription description = reader.describe();
            assertNull(description.crs().epsg());
            assertEquals("Tokyo Datum local grid", description.crs().declaredAs());
        }
    }

    @Test
    void anUnclosedRingIsClosedAndNotedAndATooShortRingLeavesNoGeometry() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[130.7,32.2],[130.71,32.2],[130.71,32.21],[130.7,32.21]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[130.7,32.2],[130.71,32.2],[130.7,32.2]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",1]]]}}]}")) {
            reader.describe();
            SourceFeature closed = reader.next();
            assertTrue(closed.geometry().isValid());
            assertEquals("閉じていないリングを閉じました", closed.note());
            SourceFeature tooShort = reader.next();
            assertNull(tooShort.geometry());
            assertTrue(tooShort.note().contains("4点未満"), tooShort.note());
            SourceFeature notNumbers = reader.next();
            assertNull(notNumbers.geometry());
            assertTrue(notNumbers.note().contains("数値"), notNumbers.note());
            assertEquals("t.geojson の 3番目の地物", notNumbers.where());
        }
    }

    @Test
    void somethingThatIsNotAFeatureCollectionIsRefused() throws IOException {
        try (GeoJsonFeatureReader reader = reader("{\"type\":\"Point\",\"coordinates\":[130,32]}")) {
            UnreadableFileException refused = assertThrows(UnreadableFileException.class, reader::describe);
            assertTrue(refused.getMessage().contains("FeatureCollection"), refused.getMessage());
        }
    }
}
