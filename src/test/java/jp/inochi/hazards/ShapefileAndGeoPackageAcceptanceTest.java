package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same real data as delivered by municipalities: the flood subset as a Shapefile in the plane rectangular CRS
 * zone II (EPSG:6670) with a CP932 DBF and no .cpg, loose and zipped; the 玉名 landslide zone as a GeoPackage.
 * Written with ogr2ogr, uploaded through the API, and compared with the GeoJSON originals.
 */
@MicronautTest(transactional = false)
class ShapefileAndGeoPackageAcceptanceTest {
    @TempDir
    static Path temp;
    static Path shapefile;
    static Path zip;
    static Path geoPackage;

    @Inject
    Uploads uploads;

    @BeforeAll
    static void writeTheFilesWithOgr2ogr() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("shp"));
        shapefile = dir.resolve("A31b_hitoyoshi_kuma.shp");
        GeoData.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:6670", "-lco", "ENCODING=CP932", shapefile.toString(),
                GeoData.file(GeoData.FLOOD_SUBSET).toString());
        Files.delete(dir.resolve("A31b_hitoyoshi_kuma.cpg"));
        zip = temp.resolve("A31b_hitoyoshi_kuma.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String extension : List.of("shp", "shx", "dbf", "prj")) {
                out.putNextEntry(new ZipEntry("A31b-23_43/A31b_hitoyoshi_kuma." + extension));
                out.write(Files.readAllBytes(dir.resolve("A31b_hitoyoshi_kuma." + extension)));
                out.closeEntry();
            }
        }
        geoPackage = temp.resolve("tamana_lsld.gpkg");
        GeoData.ogr2ogr("-f", "GPKG", "-s_srs", "EPSG:6668", "-t_srs", "EPSG:6670", geoPackage.toString(),
                GeoData.file(GeoData.TAMANA_LANDSLIDE).toString());
    }

    static Path part(String extension) {
        return shapefile.resolveSibling("A31b_hitoyoshi_kuma." + extension);
    }

    @Test
    @SuppressWarnings("unchecked")
    void looseShapefileInPlaneRectangularZoneTwoWithShiftJisDbfImportsLikeTheGeoJson() throws Exception {
        String fromShp = "受入試験 シェープファイル 6670 " + System.nanoTime();
        String fromJson = "受入試験 GeoJSON 比較用 " + System.nanoTime();
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers", Map.of("name", fromShp, "hazardType", "FLOOD"),
                part("shp"), part("shx"), part("dbf"), part("prj"));
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals("EPSG:6670", report.get("sourceCrs"));
        assertEquals("Shapefile", report.get("format"));
        assertTrue(((List<String>) report.get("warnings")).stream().anyMatch(warning -> warning.contains("CP932")));
        assertEquals(1100, ((Number) report.get("imported")).intValue());
        assertEquals("SUCCEEDED", uploads.importAndAwait("/api/hazard-layers", Map.of("name", fromJson, "hazardType", "FLOOD"),
                GeoData.file(GeoData.FLOOD_SUBSET)).get("status"));

        assertEquals(1100, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone a JOIN geo_layer la ON la.current_version_id = a.version_id AND la.name = ?
                JOIN hazard_zone b ON b.feature_index = a.feature_index
                JOIN geo_layer lb ON lb.current_version_id = b.version_id AND lb.name = ?
                WHERE a.severity = b.severity AND a.severity_label = b.severity_label
                  AND a.attributes ->> 'depth_labe' = b.attributes ->> 'depth_label'
                  AND ST_Area(ST_SymDifference(a.geom, b.geom)) <= 1e-6 * ST_Area(b.geom)""", fromShp, fromJson),
                "every zone has the same severity, the same Japanese label decoded from CP932, and the same area");
        assertEquals(0, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id AND l.name = ?
                WHERE NOT ST_Within(z.geom, ST_MakeEnvelope(130.5, 32.1, 130.9, 32.4, 6668))""", fromShp),
                "transformed from zone II metres back to longitude/latitude around 人吉");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameShapefileZippedInAFolderImportsToo() throws Exception {
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", "受入試験 ZIP " + System.nanoTime(), "hazardType", "flood", "licence", "CC BY 4.0"), zip);
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals(1100, ((Number) report.get("imported")).intValue());
        assertEquals("EPSG:6670", report.get("sourceCrs"));
    }

    @Test
    void withoutPrjTheImportStopsAndAsksForTheCrsAndNamingItMakesItWork() throws Exception {
        String name = "受入試験 prj なし " + System.nanoTime();
        Map<String, Object> refused = uploads.importAndAwait("/api/hazard-layers", Map.of("name", name, "hazardType", "FLOOD"),
                part("shp"), part("shx"), part("dbf"));
        assertEquals("FAILED", refused.get("status"));
        assertTrue(refused.get("detail").toString().contains("座標系の情報（.prj など）がありません"), () -> String.valueOf(refused));
        assertTrue(refused.get("detail").toString().contains("EPSG:6670"));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM geo_layer_version v JOIN geo_layer l ON l.id = v.layer_id WHERE l.name = ?", name));

        Map<String, Object> named = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", name, "hazardType", "FLOOD", "crs", "EPSG:6670"), part("shp"), part("shx"), part("dbf"));
        assertEquals("SUCCEEDED", named.get("status"), () -> String.valueOf(named));
    }

    @Test
    void aShpSentWithoutItsDbfIsRefusedSayingSo() throws Exception {
        Map<String, Object> refused = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", "受入試験 dbf なし " + System.nanoTime(), "hazardType", "FLOOD"), part("shp"), part("shx"), part("prj"));
        assertEquals("FAILED", refused.get("status"));
        assertTrue(refused.get("detail").toString().contains(".dbf"), () -> String.valueOf(refused));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTamanaLandslideZoneAsAGeoPackageInZoneTwoKeepsRedInsideYellow() throws Exception {
        String name = "受入試験 玉名 GeoPackage " + System.nanoTime();
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers",
                Map.of("name", name, "hazardType", "LANDSLIDE", "source", "国土交通省 Project PLATEAU（玉名市 2024）"), geoPackage);
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals("GeoPackage", report.get("format"));
        assertEquals("EPSG:6670", report.get("sourceCrs"));
        assertEquals(1, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone red JOIN geo_layer l ON l.current_version_id = red.version_id AND l.name = ?
                JOIN hazard_zone yellow ON yellow.version_id = red.version_id AND yellow.severity = 1
                WHERE red.severity = 2 AND red.severity_label = '土砂災害特別警戒区域（レッド）'
                  AND ST_Area(ST_Difference(red.geom, yellow.geom)) < 1e-3 * ST_Area(red.geom)""", name));
    }
}
