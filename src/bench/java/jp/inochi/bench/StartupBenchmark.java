package jp.inochi.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.inochi.platform.database.EmbeddedPostgres;

/**
 * Foundation issue: the packaged jar, started against a running (already migrated) database,
 * answers /health UP in under 2 s. Measured from process start to the first UP, over several starts.
 */
final class StartupBenchmark implements Benchmark {
    private static final int STARTS = 7;
    private static final Duration GOAL = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<BenchResult> run() throws Exception {
        Path jar = Path.of("target/inochi-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the jar first (bin/bench does): " + jar);
        }
        Path archive = Files.createTempFile("inochi-bench-", ".jsa");
        try (EmbeddedPostgres database = EmbeddedPostgres.startThrowaway()) {
            // The first start migrates the schema and, as bin/run does, records the AppCDS archive; not counted.
            trainingRun(jar, archive, database);
            List<BenchResult> results = new ArrayList<>();
            results.addAll(measure("java -jar", jar, database, List.of()));
            results.addAll(measure("java -jar with the AppCDS archive (bin/run)", jar, database,
                    List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off")));
            return results;
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private List<BenchResult> measure(String how, Path jar, EmbeddedPostgres database, List<String> jvmOptions)
            throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int start = 0; start < STARTS; start++) {
            seconds.add(timeToHealthy(jar, database, jvmOptions).toMillis() / 1000.0);
        }
        Collections.sort(seconds);
        double median = seconds.get(seconds.size() / 2);
        double slowest = seconds.get(seconds.size() - 1);
        String goal = "< " + GOAL.toSeconds() + " s";
        return List.of(
                BenchResult.withoutBaseline(name(), how + ": start → /health UP, median of " + STARTS, median, "s",
                        goal, median < GOAL.toSeconds()),
                BenchResult.withoutBaseline(name(), how + ": slowest of " + STARTS, slowest, "s", goal,
                        slowest < GOAL.toSeconds()));
    }

    private static void trainingRun(Path jar, Path archive, EmbeddedPostgres database) throws Exception {
        Files.deleteIfExists(archive);
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(builder, database, freePort());
        builder.environment().put("INOCHI_TRAINING_RUN", "true");
        if (builder.start().waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("The training start did not write " + archive);
        }
    }

    private static void environment(ProcessBuilder builder, EmbeddedPostgres database, int port) {
        builder.environment().putAll(Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.username(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password(),
                "MICRONAUT_SERVER_PORT", String.valueOf(port),
                "INOCHI_JWT_SECRET", BenchmarkRunner.SIGNING_SECRET,
                "LOG_LEVEL", "WARN"));
    }

    private static Duration timeToHealthy(Path jar, EmbeddedPostgres database, List<String> jvmOptions) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(builder, database, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                } catch (IOException notYetListening) {
                    // keep polling
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("The service did not become healthy within 60 s");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
