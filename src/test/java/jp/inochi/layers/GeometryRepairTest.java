package jp.inochi.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeometryRepairTest {
    private static final String ENGLISH = "(?s).*[A-Za-z]{3,}.*";

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    @Test
    void aBowTieIsRepairedWithANoteThatSaysSelfIntersectionInJapaneseAndWhere() throws ParseException {
        GeometryRepair.Shaped shaped = GeometryRepair.shape(
                wkt("POLYGON ((130.40 32.40, 130.41 32.41, 130.41 32.40, 130.40 32.41, 130.40 32.40))"), true);
        assertEquals(2, shaped.geometry().getNumGeometries(), "the bow-tie became its two triangles");
        assertEquals("不正な図形を修復しました（自己交差（座標 130.405, 32.405 付近））", shaped.note());
    }

    @Test
    void anAreaThatRepairsToNothingIsSkippedWithAJapaneseReason() throws ParseException {
        GeometryRepair.Shaped shaped = GeometryRepair.shape(
                wkt("POLYGON ((130.44 32.40, 130.45 32.40, 130.46 32.40, 130.44 32.40))"), true);
        assertTrue(shaped.skip().startsWith("修復すると面積のない図形になりました（"), shaped.skip());
        assertFalse(shaped.skip().matches(ENGLISH), shaped.skip());
    }

    @Test
    void everyValidityReasonJtsAndPostgisGiveIsSaidInJapanese() throws ParseException {
        assertEquals("リングの自己交差（座標 130.4, 32.4 付近）", ValidityReasons.ofPostgis("Ring Self-intersection[130.4 32.4]"));
        assertEquals("自己交差（座標 -12345.5, 6789 付近）", ValidityReasons.ofPostgis("Self-intersection[-12345.5 6789]"));
        assertEquals("点が少なすぎる部分", ValidityReasons.ofPostgis("Too few points in geometry component"));
        for (String english : new String[] {"Hole lies outside shell[1 2]", "Holes are nested[1 2]", "Interior is disconnected[1 2]",
                "Nested shells[1 2]", "Duplicate Rings[1 2]", "Invalid Coordinate[NaN 2]", "Ring is not closed[1 2]",
                "Repeated Point[1 2]", "Something GEOS may say one day", null}) {
            String japanese = ValidityReasons.ofPostgis(english);
            assertFalse(japanese.matches(ENGLISH), english + " → " + japanese);
        }
        String hole = GeometryRepair.shape(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 21 20, 21 21, 20 21, 20 20))"),
                true).note();
        assertTrue(hole.contains("外周の外にある穴"), hole);
        String nested = GeometryRepair.shape(wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((2 2, 3 2, 3 3, 2 3, 2 2)))"),
                true).note();
        assertTrue(nested.contains("入れ子になった外周"), nested);
    }
}
