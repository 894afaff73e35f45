package jp.inochi.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.platform.database.EmbeddedPostgres;

/**
 * The real service in a process of its own ({@code jp.inochi.Application} on the main classpath, without the test
 * classes and their configuration), on the test database: for tests of what several instances do together, and of
 * one of them dying ({@link #kill()} is SIGKILL). Its output goes to {@code target/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Every instance of a cluster signs with the same key, as INOCHI_JWT_SECRET makes them in production. */
    static final String SHARED_SIGNING_SECRET = "cluster-test-signing-secret-0123456789abcdef";

    /** Starts an instance named {@code name} (also its scheduler's instance id) with these extra settings. */
    public static ServiceProcess start(String name, Map<String, String> environment) throws IOException {
        EmbeddedPostgres database = TestDatabase.get();
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:TieredStopAtLevel=1", "-cp", mainClasspath(), "jp.inochi.Application");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("INOCHI_") || key.startsWith("MICRONAUT_")
                || key.startsWith("DATASOURCES_") || key.startsWith("JAVAMAIL_"));
        env.putAll(Map.of(
                "DATASOURCES_DEFAULT_URL", database.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", database.username(),
                "DATASOURCES_DEFAULT_PASSWORD", database.password(),
                "MICRONAUT_SERVER_PORT", String.valueOf(port),
                "INOCHI_SCHEDULER_INSTANCE_ID", name,
                "INOCHI_JWT_SECRET", SHARED_SIGNING_SECRET,
                "LOG_LEVEL", "INFO"));
        env.putAll(environment);
        return new ServiceProcess(name, port, builder.start());
    }

    /** The classpath of the running tests without the test classes (their beans and configuration are for tests). */
    static String mainClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(Arrays.asList(classpath.split(File.pathSeparator)));
        entries.removeIf(entry -> entry.endsWith("test-classes") || entry.endsWith("test-classes/")
                || entry.contains("surefire"));
        if (entries.stream().noneMatch(entry -> entry.endsWith("classes") || entry.endsWith("classes/"))) {
            throw new IllegalStateException("The main classes are not on the test classpath: " + classpath);
        }
        return String.join(File.pathSeparator, entries);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until /health answers UP. */
    public ServiceProcess awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped at start; see target/" + name + ".log:\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become healthy; see target/" + name + ".log:\n" + tail());
    }

    /** A bearer token from this instance's own token endpoint. */
    public String token(String username, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(name + " refused the sign-in: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** POSTs an empty JSON body with the token; the status and body. */
    public HttpResponse<String> post(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs the file and form fields as multipart/form-data with the token; the status and body. */
    public HttpResponse<String> upload(String path, String token, Map<String, String> fields, Path file) throws Exception {
        String boundary = "inochi-" + System.nanoTime();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(Files.readAllBytes(file));
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs with the token; the status and body. */
    public HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no goodbye to the database or the cluster. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(Path.of("target", name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Settings shared by the instances of one test. */
    public static Map<String, String> sharedSettings(Path schedulesDir, int smtpPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("INOCHI_SCHEDULES_DIR", schedulesDir.toString());
        settings.put("INOCHI_SMTP_HOST", "127.0.0.1");
        settings.put("INOCHI_SMTP_PORT", String.valueOf(smtpPort));
        settings.put("INOCHI_SCHEDULER_START", "true");
        settings.put("INOCHI_SCHEDULER_CLUSTER_CHECKIN_INTERVAL", "2s");
        return settings;
    }
}
