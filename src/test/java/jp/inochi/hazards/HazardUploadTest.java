package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HazardUploadTest {
    @Inject
    Uploads uploads;

    @Test
    @SuppressWarnings("unchecked")
    void floodSubsetUploadedAsGeoJsonBecomesTheCurrentVersionWithItsReport() throws Exception {
        String name = "人吉・球磨 洪水（アップロード試験）" + System.nanoTime();
        Map<String, Object> job = uploads.importAndAwait("/api/hazard-layers", Map.of("name", name, "hazardType", "FLOOD",
                "source", "国土数値情報 A31b", "licence", "CC BY 4.0",
                "credit", "「国土数値情報（洪水浸水想定区域データ）」（国土交通省）を加工して作成"), GeoData.file(GeoData.FLOOD_SUBSET));
        assertEquals("SUCCEEDED", job.get("status"), () -> String.valueOf(job));
        assertEquals(100, ((Number) job.get("percent")).intValue());
        assertEquals(1100, ((Number) job.get("done")).intValue());
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        assertEquals(1100, ((Number) report.get("imported")).intValue());
        assertEquals("EPSG:6668", report.get("sourceCrs"));
        List<Map<String, Object>> repaired = (List<Map<String, Object>>) report.get("repaired");
        assertTrue(repaired.stream().anyMatch(entry -> ((Number) entry.get("featureIndex")).intValue() == 641
                && entry.get("reason").toString().contains("自己交差")), () -> String.valueOf(repaired));
        assertEquals(1100, Sql.queryForLong("""
                SELECT count(*) FROM hazard_zone z JOIN geo_layer l ON l.current_version_id = z.version_id
                WHERE l.name = ?""", name));
    }
}
