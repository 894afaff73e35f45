package jp.inochi.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The SQL migrations this build carries ({@code classpath:db/migration}), each with the checksum Flyway records for
 * it: CRC32 over the script's lines without their line breaks, UTF-8, the byte order mark dropped.
 */
final class MigrationScripts {
    static final String LOCATION = "db/migration";

    private MigrationScripts() {
    }

    /** Script file name to checksum; empty when the location cannot be listed (then nothing is skipped). */
    static Optional<Map<String, Integer>> onClasspath(ClassLoader loader) throws IOException {
        URL location = loader.getResource(LOCATION);
        if (location == null) {
            return Optional.empty();
        }
        Map<String, Integer> scripts = new TreeMap<>();
        switch (location.getProtocol()) {
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (name.startsWith(LOCATION + "/") && name.endsWith(".sql")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                scripts.put(name.substring(LOCATION.length() + 1), checksum(in));
                            }
                        }
                    }
                }
            }
            case "file" -> {
                Path root = directory(location);
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            scripts.put(root.relativize(file).toString().replace('\\', '/'), checksum(in));
                        }
                    }
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(scripts);
    }

    /** Flyway's ChecksumCalculator, so the result equals flyway_schema_history.checksum. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static Path directory(URL location) throws IOException {
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Not a directory: " + location, e);
        }
    }
}
