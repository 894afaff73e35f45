package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.inochi.access.Role;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.testsupport.Uploads;
import jp.inochi.testsupport.ZipBombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gets a clear Japanese error, and leaves no layer version behind. */
@MicronautTest(transactional = false)
class BadFilesTest {
    @TempDir
    Path temp;

    @Inject
    Uploads uploads;
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient client;

    private Map<String, Object> refused(String name, Path... files) throws Exception {
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers", Map.of("name", name, "hazardType", "FLOOD"), files);
        assertEquals("FAILED", job.get("status"), () -> String.valueOf(job));
        assertEquals(0, Sql.queryForLong("SELECT count(*) FROM geo_layer_version v JOIN geo_layer l ON l.id = v.layer_id WHERE l.name = ?",
                name), "no version was made");
        return job;
    }

    @Test
    void brokenJsonSaysWhereItBreaks() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":1},\"geometry\":null}\n"
                + "{\"type\":\"Feature\"}]}");
        String detail = refused("不正ファイル JSON " + System.nanoTime(), broken).get("detail").toString();
        assertTrue(detail.contains("broken.geojson は JSON として正しくありません（3行"), detail);
    }

    @Test
    void aZipWithDotDotPathsIsRefusedAsZipSlip() throws Exception {
        Path zip = temp.resolve("slip.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../../tmp/inochi-evil.geojson"));
            out.write("{}".getBytes());
            out.closeEntry();
        }
        String detail = refused("不正ファイル zip-slip " + System.nanoTime(), zip).get("detail").toString();
        assertTrue(detail.contains("../../../tmp/inochi-evil.geojson") && detail.contains("zip-slip"), detail);
        assertTrue(Files.notExists(Path.of("/tmp/inochi-evil.geojson")));
    }

    @Test
    void aZipBombIsStopped() throws Exception {
        Path zip = temp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("flood.geojson"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        String detail = refused("不正ファイル zip bomb " + System.nanoTime(), zip).get("detail").toString();
        assertTrue(detail.contains("zip bomb"), detail);
    }

    @Test
    void anEmptyFeatureCollectionSaysItHasNoFeaturesOnTheImportPageRatherThanThatTheDepthRankIsMissing() throws Exception {
        Path empty = Files.writeString(temp.resolve("空.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        String name = "不正ファイル 地物なし " + System.nanoTime();
        String statusUrl = uploads.post("/api/hazard-layers", Map.of("name", name, "hazardType", "FLOOD"), empty);
        Map<String, Object> job = uploads.await(statusUrl);
        String detail = job.get("detail").toString();
        assertEquals("空.geojson には地物が1件もありません（GeoJSON）。地物を含むファイルを送ってください", detail);
        String page = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.GET(statusUrl.replace("/api/imports/", "/hazard-imports/")).accept(MediaType.TEXT_HTML_TYPE)), String.class);
        assertTrue(page.contains("空.geojson には地物が1件もありません"), "the person sees it on the import page");
        assertFalse(page.contains("浸水深ランクの項目"), "and not a complaint about a field");
        Path zip = temp.resolve("ゼロ.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("ゼロ.geojson"));
            out.closeEntry();
        }
        Map<String, Object> zeroBytes = refused(name + " 0", zip);
        assertEquals("ゼロ.geojson は空のファイルです（0 バイト）。地物を含むファイルを送ってください", zeroBytes.get("detail"));
    }

    @Test
    void anUnknownCrsSaysWhichItFoundAndHowToGiveCrs() throws Exception {
        Path tokyo = Files.writeString(temp.resolve("tokyo.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"Tokyo Datum local grid"}},"features":[
                {"type":"Feature","properties":{"depth_rank":2},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]]]}}]}""");
        String detail = refused("不正ファイル 座標系 " + System.nanoTime(), tokyo).get("detail").toString();
        assertTrue(detail.startsWith("tokyo.geojson の座標系「Tokyo Datum local grid」が分かりません"), detail);
        assertTrue(detail.contains("「座標系」欄（API ではフォーム項目 crs）に EPSG コードを指定"), detail);
        assertTrue(detail.contains("EPSG:6670 は平面直角座標系 II 系"), detail);
    }

    @Test
    void aTruncatedJsonIsExplainedInJapaneseWithItsPosition() throws Exception {
        Path cut = Files.writeString(temp.resolve("cut.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"depth_rank\":1},\"geometry\":{\"type\":\"Polygon\",\n\"coordinates\":[[[130.7");
        String detail = refused("不正ファイル 途中まで " + System.nanoTime(), cut).get("detail").toString();
        assertTrue(detail.startsWith("cut.geojson は JSON として正しくありません（3行 "), detail);
        assertTrue(detail.contains("列付近）。ファイルが途中で終わっています"), detail);
        assertFalse(detail.matches("(?s).*(Unexpected|end-of-input|marker|expect|Array|Object|token).*"),
                "no English from the parser: " + detail);
    }

    @Test
    void aShapefileZipBombIsRefusedFromItsCentralDirectoryBeforeAnythingIsUnpacked() throws Exception {
        Path bomb = ZipBombs.shapefileWithTwoGigabyteDbf();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        AtomicLong unpacked = new AtomicLong();
        AtomicBoolean importing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            // what the import unpacks lands in inochi-import-*/zip-1/A31/; none of it may ever appear
            while (importing.get()) {
                try (var dirs = Files.newDirectoryStream(tmp, "inochi-import-*")) {
                    for (Path dir : dirs) {
                        try (var files = Files.walk(dir)) {
                            files.filter(file -> file.toString().contains("A31")).filter(Files::isRegularFile)
                                    .forEach(file -> unpacked.accumulateAndGet(file.toFile().length() + 1, Math::max));
                        } catch (IOException | java.io.UncheckedIOException deletedMeanwhile) {
                            // the import's directory went away while being walked
                        }
                    }
                } catch (IOException ignored) {
                    // tmp unreadable for a moment
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        String detail;
        try {
            detail = refused("不正ファイル 2GB zip bomb " + System.nanoTime(), bomb).get("detail").toString();
        } finally {
            importing.set(false);
            watcher.join();
        }
        assertTrue(detail.startsWith("浸水想定区域.zip の「A31/flood.dbf」は 2048 MB が"), detail);
        assertTrue(detail.endsWith("zip bomb（圧縮爆弾）の疑いがあるため、何も展開せずに中止しました"), detail);
        assertEquals(0, unpacked.get(), "no file of the ZIP was written (the largest seen, plus one, in bytes)");
    }

    @Test
    void aShpWithoutDbfInAZipIsRefusedSayingTheDbfIsMissing() throws Exception {
        Path zip = temp.resolve("nodbf.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("A31/flood.shp"));
            out.write(new byte[100]);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("A31/flood.prj"));
            out.write("GEOGCS[]".getBytes());
            out.closeEntry();
        }
        String detail = refused("不正ファイル dbf なし " + System.nanoTime(), zip).get("detail").toString();
        assertTrue(detail.contains("A31/flood.shp に対応する .dbf ファイルがありません"), detail);
    }

    @Test
    void aFileOfAnUnknownFormatListsTheFormatsThatWork() throws Exception {
        Path text = Files.writeString(temp.resolve("zones.csv"), "a,b\n1,2\n");
        String detail = refused("不正ファイル 形式 " + System.nanoTime(), text).get("detail").toString();
        assertTrue(detail.contains("読み込める形式のファイルがありません") && detail.contains("GeoPackage"), detail);
    }

    @Test
    void aFileWithoutTheSeverityFieldAsksForIt() throws Exception {
        String detail = refused("不正ファイル 項目 " + System.nanoTime(), GeoData.file(GeoData.TAMANA_LANDSLIDE)).get("detail").toString();
        assertTrue(detail.contains("浸水深ランクの項目") && detail.contains("severityField") && detail.contains("areaType"), detail);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bowTiesAreRepairedEmptiesAndLinesSkippedEachNamedByItsNumber() throws Exception {
        Path mixed = Files.writeString(temp.resolve("mixed.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"depth_rank":2},"geometry":{"type":"Polygon","coordinates":[[[130.40,32.40],[130.41,32.41],[130.41,32.40],[130.40,32.41],[130.40,32.40]]]}},
                {"type":"Feature","properties":{"depth_rank":2},"geometry":{"type":"Polygon","coordinates":[]}},
                {"type":"Feature","properties":{"depth_rank":2},"geometry":{"type":"LineString","coordinates":[[130.4,32.4],[130.5,32.5]]}},
                {"type":"Feature","properties":{"depth_rank":2},"geometry":null},
                {"type":"Feature","properties":{"depth_rank":3},"geometry":{"type":"Polygon","coordinates":[[[130.42,32.40],[130.43,32.40],[130.43,32.41],[130.42,32.41],[130.42,32.40]]]}},
                {"type":"Feature","properties":{"depth_rank":1},"geometry":{"type":"Polygon","coordinates":[[[130.44,32.40],[130.45,32.40],[130.46,32.40],[130.44,32.40]]]}}
                ]}""");
        String name = "修復試験 " + System.nanoTime();
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers", Map.of("name", name, "hazardType", "FLOOD"), mixed);
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals(6, ((Number) report.get("featureCount")).intValue());
        assertEquals(2, ((Number) report.get("imported")).intValue());
        List<Map<String, Object>> repaired = (List<Map<String, Object>>) report.get("repaired");
        List<Map<String, Object>> skipped = (List<Map<String, Object>>) report.get("skipped");
        assertEquals(1, ((Number) repaired.get(0).get("featureIndex")).intValue());
        assertTrue(repaired.get(0).get("reason").toString().contains("自己交差（座標 130.405, 32.405 付近）"), repaired.toString());
        assertFalse(repaired.get(0).get("reason").toString().contains("Self-intersection"), repaired.toString());
        assertEquals(List.of(2, 3, 4, 6), skipped.stream().map(entry -> ((Number) entry.get("featureIndex")).intValue()).toList());
        assertTrue(skipped.get(0).get("reason").toString().contains("空のジオメトリ"), skipped.toString());
        assertTrue(skipped.get(1).get("reason").toString().contains("LineString"), skipped.toString());
        assertTrue(skipped.get(2).get("reason").toString().contains("null"), skipped.toString());
        assertTrue(skipped.get(3).get("reason").toString().contains("面積のない図形"), skipped.toString());
        assertEquals(2, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.name = ? AND ST_IsValid(z.geom) AND GeometryType(z.geom) = 'MULTIPOLYGON'""", name));
        assertEquals(2, Sql.queryForLong("""
                SELECT ST_NumGeometries(z.geom) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.name = ? AND z.feature_index = 1""", name), "the bow-tie became its two triangles");
    }

    @Test
    void anUploadWithoutNameOrHazardTypeIsRefusedAtOnceFieldByField() {
        MultipartBody body = MultipartBody.builder().addPart("file", "x.geojson", MediaType.APPLICATION_JSON_TYPE, "{}".getBytes()).build();
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/hazard-layers", body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("\"field\":\"name\"") && problem.contains("\"field\":\"hazardType\""), problem);
    }

    @Test
    void municipalOfficersCannotReplaceHazardLayers() {
        MultipartBody body = MultipartBody.builder().addPart("file", "x.geojson", MediaType.APPLICATION_JSON_TYPE, "{}".getBytes())
                .addPart("name", "x").addPart("hazardType", "FLOOD").build();
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(logins.asOfficerOf("43203", HttpRequest.POST("/api/hazard-layers", body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }
}
