package jp.inochi.bench;

import jp.inochi.hazards.HazardImports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.inochi.access.SigningSecret;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jp.inochi.access.Role;
import jp.inochi.access.Users;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportReport;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerImporter;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.platform.database.DatabaseBootstrap;
import jp.inochi.platform.database.EmbeddedPostgres;
import jp.inochi.testsupport.GeoData;

/**
 * What the hazard benchmarks share, made once per run: a throwaway PostGIS, the service running on it (HTTP on a
 * free port), and, on demand, the full prefecture flood layer with 20,000 synthetic homes at jittered 町字 points.
 */
final class HazardBench {
    static final String FULL_LAYER = "ベンチ 熊本県 洪水浸水想定区域（想定最大規模）";
    static final int HOMES = 20_000;
    private static HazardBench shared;

    final EmbeddedPostgres database;
    final EmbeddedServer server;
    final ApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private boolean homesPlaced;
    private ImportReport fullFlood;

    private HazardBench() {
        database = EmbeddedPostgres.startThrowaway();
        DatabaseBootstrap.pointDatasourceAt(database);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                SigningSecret.PROPERTY, BenchmarkRunner.SIGNING_SECRET,
                "inochi.scheduler.start", false), "bench");
        context = server.getApplicationContext();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
        }, "hazard-bench-stop"));
    }

    static synchronized HazardBench get() {
        if (shared == null) {
            shared = new HazardBench();
        }
        return shared;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    LayerImporter importer() {
        return context.getBean(LayerImporter.class);
    }

    /** The whole prefecture's flood zones (24,053 features) as a current layer, imported once. */
    synchronized ImportReport fullFlood() throws IOException {
        if (fullFlood == null) {
            fullFlood = importer().importFiles(HazardImports.request(FULL_LAYER, HazardType.FLOOD, "国土数値情報 A31b（令和5年度）",
                            "CC BY 4.0", "「国土数値情報（洪水浸水想定区域データ）」（国土交通省）を加工して作成"),
                    List.of(new InputFile(GeoData.file(GeoData.FLOOD_FULL), GeoData.FLOOD_FULL)), ImportProgress.NONE);
        }
        return fullFlood;
    }

    /** 20,000 homes at the 2,492 町字 points of the prefecture, each moved by a random ~300 m (seeded: the same every run). */
    synchronized void placeHomes() throws Exception {
        if (homesPlaced) {
            return;
        }
        JsonNode points = new ObjectMapper().readTree(GeoData.file(GeoData.MACHIAZA_POINTS).toFile()).get("features");
        Random random = new Random(20_000);
        Instant now = Instant.now();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO household (child_family_name, child_given_name, child_family_name_kana, child_given_name_kana,
                    child_birth_date, nicu_institution, nicu_in_kumamoto, ventilator_dependent, address, prefecture_code,
                    municipality_code, ward_code, longitude, latitude, shares_with_municipality, created_at, updated_at)
                VALUES ('ベンチ', ?, 'ベンチ', 'イチ', DATE '2025-01-01', '熊本大学病院', true, ?, ?, '43', ?, ?, ?, ?, true, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < HOMES; i++) {
                JsonNode point = points.get(i % points.size());
                String municipality = point.at("/properties/muni_code5").asText();
                String ward = point.at("/properties/ward_code5").asText();
                insert.setString(1, "世帯" + i);
                insert.setBoolean(2, i % 3 != 0);
                insert.setString(3, "熊本県" + point.at("/properties/city").asText() + point.at("/properties/town").asText() + "（ベンチ）");
                insert.setString(4, municipality);
                insert.setString(5, municipality.equals("43100") && !ward.equals(municipality) ? ward : null);
                insert.setDouble(6, point.at("/geometry/coordinates/0").asDouble() + random.nextGaussian() * 0.003);
                insert.setDouble(7, point.at("/geometry/coordinates/1").asDouble() + random.nextGaussian() * 0.003);
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            connection.createStatement().execute("ANALYZE household");
        }
        homesPlaced = true;
    }

    /** A signed-in user's bearer token, through the real token endpoint. */
    String bearer(Role role, String municipality) throws Exception {
        String username = "bench-" + role.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        context.getBean(Users.class).create(new Users.NewUser(username, "ベンチ", "bench-password-2026", role, municipality, null, null));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"bench-password-2026\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    /** Runs a command with the database's password in the environment; returns its output, or throws with it. */
    String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    String pgConnection() {
        return "PG:host=127.0.0.1 port=" + database.port() + " dbname=" + EmbeddedPostgres.DATABASE + " user="
                + database.username();
    }

    /** psql timing of the same statement run {@code times} times in one session (no process start counted). */
    List<Double> psqlTimings(String sql, int times) throws IOException, InterruptedException {
        return psqlTimingsOfEach(java.util.Collections.nCopies(times, sql));
    }

    /** Each statement once, in order, in one psql session: the time of each as psql's \\timing reports it, in ms. */
    List<Double> psqlTimingsOfEach(List<String> statements) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder("\\timing on\n\\o /dev/null\n");
        for (String sql : statements) {
            text.append(sql.strip()).append(";\n");
        }
        String output = psqlScript(text.toString());
        List<Double> timings = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("Time: ")) {
                timings.add(Double.parseDouble(line.substring(6, line.indexOf(" ms"))));
            }
        }
        if (timings.size() != statements.size()) {
            throw new IllegalStateException("psql printed " + timings.size() + " timings: " + output);
        }
        return timings;
    }

    /** Runs a psql script against the bench database in one session; returns what psql printed. */
    String psqlScript(String text) throws IOException, InterruptedException {
        Path script = Files.createTempFile("inochi-bench-", ".sql");
        try {
            Files.writeString(script, text);
            return run(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-p", String.valueOf(database.port()), "-U",
                    database.username(), "-d", EmbeddedPostgres.DATABASE, "-f", script.toString()));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000.0;
    }
}
