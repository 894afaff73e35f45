package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.TestLogins;
import jp.inochi.testsupport.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long import shows its progress through the API while it runs: features done of total, and a percentage. */
@MicronautTest(transactional = false)
class ImportProgressTest {
    static final int FEATURES = 60_000;

    @TempDir
    Path temp;

    @Inject
    Uploads uploads;
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void whileALargeFileIsReadTheJobReportsFeaturesDoneOfTotalAndAPercentage() throws Exception {
        // 60,000 small squares over the open Pacific south of 四国 (inside Japan's extent, far from every home)
        Path file = temp.resolve("large.geojson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:6668\"}},\"features\":[");
            for (int i = 0; i < FEATURES; i++) {
                double lon = 134.0 + (i % 300) * 0.003;
                double lat = 30.0 + (i / 300) * 0.003;
                out.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"depth_rank\":%d},\"geometry\":"
                                + "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}}",
                        i == 0 ? "" : ",", 1 + i % 6, lon, lat, lon + 0.002, lat, lon + 0.002, lat + 0.002, lon, lat + 0.002, lon, lat));
            }
            out.write("]}");
        }
        String status = uploads.post("/api/hazard-layers", Map.of("name", "進捗試験 " + System.nanoTime(), "hazardType", "FLOOD"), file);
        List<Map<String, Object>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 180_000_000_000L;
        Map<String, Object> job;
        do {
            job = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(status)), Map.class);
            seen.add(job);
            Thread.sleep(20);
        } while (!List.of("SUCCEEDED", "FAILED").contains(job.get("status")) && System.nanoTime() < deadline);
        assertEquals("SUCCEEDED", job.get("status"), String.valueOf(job));
        assertEquals(100, ((Number) job.get("percent")).intValue());
        assertEquals(FEATURES, ((Number) ((Map<String, Object>) job.get("report")).get("imported")).intValue());
        assertTrue(seen.stream().anyMatch(state -> "RUNNING".equals(state.get("status")) && "読み込み".equals(state.get("phase"))
                        && ((Number) state.get("done")).longValue() > 0 && ((Number) state.get("done")).longValue() < FEATURES
                        && ((Number) state.get("total")).longValue() == FEATURES
                        && ((Number) state.get("percent")).intValue() > 0 && ((Number) state.get("percent")).intValue() < 90),
                "some poll saw the reading half way: " + seen.stream().map(state -> state.get("status") + "/" + state.get("phase") + "/"
                        + state.get("done") + "/" + state.get("percent")).distinct().toList());
        long percentsSeen = seen.stream().map(state -> ((Number) state.get("percent")).intValue()).distinct().count();
        assertTrue(percentsSeen >= 3, "the percentage moved: " + percentsSeen + " values");
    }
}
