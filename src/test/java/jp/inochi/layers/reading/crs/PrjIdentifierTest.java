package jp.inochi.layers.reading.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrjIdentifierTest {
    static final String GCS_JGD2011 = "GEOGCS[\"GCS_JGD_2011\",DATUM[\"D_JGD_2011\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    static String zone2(String name, String gcs, String datum, String spheroid, String a, String f) {
        return "PROJCS[\"" + name + "\",GEOGCS[\"" + gcs + "\",DATUM[\"" + datum + "\",SPHEROID[\"" + spheroid + "\"," + a + ","
                + f + "]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",131.0],"
                + "PARAMETER[\"Scale_Factor\",0.9999],PARAMETER[\"Latitude_Of_Origin\",33.0],UNIT[\"Meter\",1.0]]";
    }

    @Test
    void esriPrjOfPlaneRectangularZoneTwoIsEpsg6670() {
        assertEquals(Optional.of(6670), PrjIdentifier.identify(zone2("JGD_2011_Japan_Zone_2", "GCS_JGD_2011", "D_JGD_2011",
                "GRS_1980", "6378137.0", "298.257222101")));
    }

    @Test
    void esriPrjOfJgd2011LongitudeLatitudeIsEpsg6668() {
        assertEquals(Optional.of(6668), PrjIdentifier.identify(GCS_JGD2011));
    }

    @Test
    void olderJapaneseDatumsAreTellApartFromJgd2011() {
        assertEquals(Optional.of(2444), PrjIdentifier.identify(zone2("JGD_2000_Japan_Zone_2", "GCS_JGD_2000", "D_JGD_2000",
                "GRS_1980", "6378137.0", "298.257222101")));
        assertEquals(Optional.of(30162), PrjIdentifier.identify(zone2("Tokyo_Japan_Zone_2", "GCS_Tokyo", "D_Tokyo",
                "Bessel_1841", "6377397.155", "299.1528128")));
    }

    @Test
    void wgs84DefinitionsAreRecognisedByTheirParameters() {
        String gcs = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        assertEquals(Optional.of(4326), PrjIdentifier.identify(gcs));
        assertEquals(Optional.of(32652), PrjIdentifier.identify("PROJCS[\"WGS_1984_UTM_Zone_52N\"," + gcs
                + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",129.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]"));
        assertEquals(Optional.of(3857), PrjIdentifier.identify("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + gcs
                + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],"
                + "PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]"));
    }

    @Test
    void japaneseDefinitionsRecognisedWithoutSisAreTheCodesSisFinds() {
        String[][] datums = {{"JGD_2011", "GRS_1980", "6378137.0", "298.257222101"},
                {"JGD_2000", "GRS_1980", "6378137.0", "298.257222101"}, {"Tokyo", "Bessel_1841", "6377397.155", "299.1528128"}};
        String[] origins = {"33.0,129.5", "33.0,131.0", "36.0,132.1666666666667", "33.0,133.5", "36.0,134.3333333333333",
                "36.0,136.0", "36.0,137.1666666666667", "36.0,138.5", "36.0,139.8333333333333", "40.0,140.8333333333333",
                "44.0,140.25", "44.0,142.25", "44.0,144.25", "26.0,142.0", "26.0,127.5", "26.0,124.0", "26.0,131.0",
                "20.0,136.0", "26.0,154.0"};
        for (String[] datum : datums) {
            String gcs = "GEOGCS[\"GCS_" + datum[0] + "\",DATUM[\"D_" + datum[0] + "\",SPHEROID[\"" + datum[1] + "\"," + datum[2]
                    + "," + datum[3] + "]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
            Optional<Integer> geographic = JapaneseCrs.identify(gcs);
            assertTrue(geographic.isPresent(), gcs);
            assertEquals(PrjIdentifier.bySis(gcs), geographic, gcs);
            for (String origin : origins) {
                String[] latLon = origin.split(",");
                String zone = "PROJCS[\"" + datum[0] + "_Japan_Zone\"," + gcs + ",PROJECTION[\"Transverse_Mercator\"],"
                        + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\","
                        + latLon[1] + "],PARAMETER[\"Scale_Factor\",0.9999],PARAMETER[\"Latitude_Of_Origin\"," + latLon[0]
                        + "],UNIT[\"Meter\",1.0]]";
                Optional<Integer> recognised = JapaneseCrs.identify(zone);
                assertTrue(recognised.isPresent(), zone);
                assertEquals(PrjIdentifier.bySis(zone), recognised, zone);
            }
        }
    }

    @Test
    void aJapaneseDatumWithOtherParametersIsLeftToSis() {
        String zone2InFeet = zone2("JGD_2011_Japan_Zone_2", "GCS_JGD_2011", "D_JGD_2011", "GRS_1980", "6378137.0",
                "298.257222101").replace("UNIT[\"Meter\",1.0]]", "UNIT[\"Foot_US\",0.3048006096012192]]");
        assertTrue(JapaneseCrs.identify(zone2InFeet).isEmpty());
        assertTrue(JapaneseCrs.identify(zone2("x", "GCS_JGD_2011", "D_JGD_2011", "GRS_1980", "6378137.0", "298.257222101")
                .replace("0.9999", "0.9996")).isEmpty());
    }

    @Test
    void textThatIsNotACrsIsNotIdentified() {
        assertTrue(PrjIdentifier.identify("this is not WKT").isEmpty());
        assertTrue(PrjIdentifier.identify("LOCAL_CS[\"Site grid\",LOCAL_DATUM[\"x\",0],UNIT[\"Meter\",1.0]]").isEmpty());
    }

    @Test
    void derbyWritesNoLogFileIntoTheWorkingDirectory() throws Exception {
        Files.deleteIfExists(Path.of("derby.log"));
        PrjIdentifier.bySis(GCS_JGD2011);
        assertFalse(Files.exists(Path.of("derby.log")));
    }

    @Test
    void epsgNamesAreReadInTheirCommonSpellings() {
        assertEquals(Optional.of(6668), EpsgNames.parse("urn:ogc:def:crs:EPSG::6668"));
        assertEquals(Optional.of(6670), EpsgNames.parse("EPSG:6670"));
        assertEquals(Optional.of(6670), EpsgNames.parse(" 6670 "));
        assertEquals(Optional.of(6668), EpsgNames.parse("http://www.opengis.net/def/crs/EPSG/0/6668"));
        assertEquals(Optional.of(4326), EpsgNames.parse("urn:ogc:def:crs:OGC:1.3:CRS84"));
        assertTrue(EpsgNames.parse("JGD2011").isEmpty());
    }
}
