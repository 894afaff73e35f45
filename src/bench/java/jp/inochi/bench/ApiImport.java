package jp.inochi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One import through the HTTP API as a client does it: the files posted as multipart to {@code /api/hazard-layers},
 * then {@code /api/imports/{id}} polled every 20 ms until the job is done. Times the whole, and when the job first
 * counted a feature.
 */
final class ApiImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Seconds from the upload's start to the job done, and to its first feature counted. */
    record Timing(double seconds, double firstFeatureSeconds, JsonNode report) {
    }

    private ApiImport() {
    }

    static Timing run(HazardBench bench, String token, String layerName, List<Path> files) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", layerName);
        fields.put("hazardType", "FLOOD");
        fields.put("source", "国土数値情報 A31b（令和5年度）");
        fields.put("licence", "CC BY 4.0");
        List<byte[]> body = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        for (Path file : files) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.add(Files.readAllBytes(file));
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : body) {
            all.write(part);
        }
        HttpResponse<String> accepted = bench.http.send(HttpRequest.newBuilder(bench.uri("/api/hazard-layers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String statusUrl = JSON.readTree(accepted.body()).get("statusUrl").asText();
        double firstFeature = Double.NaN;
        while (true) {
            HttpResponse<String> polled = bench.http.send(HttpRequest.newBuilder(bench.uri(statusUrl))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = JSON.readTree(polled.body());
            String status = job.path("status").asText();
            if (Double.isNaN(firstFeature) && job.path("done").asLong() > 0) {
                firstFeature = HazardBench.millisSince(started) / 1000;
            }
            if (status.equals("SUCCEEDED")) {
                return new Timing(HazardBench.millisSince(started) / 1000, firstFeature, job.get("report"));
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("the import failed: " + polled.body());
            }
            Thread.sleep(20);
        }
    }

    /** The whole prefecture as a KSJ-style Shapefile in EPSG:6670 with a CP932 DBF, made once by ogr2ogr. */
    static List<Path> shapefile(HazardBench bench, Path geojson) throws IOException, InterruptedException {
        Path directory = Path.of("target/bench/ksj-shapefile");
        Path shp = directory.resolve("A31b_43_6670.shp");
        if (!Files.isRegularFile(shp)) {
            Files.createDirectories(directory);
            bench.run(List.of("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:6670", "-lco", "ENCODING=CP932",
                    shp.toString(), geojson.toString()));
        }
        List<Path> files = new ArrayList<>();
        for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Path file = directory.resolve("A31b_43_6670." + extension);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }
}
