package jp.inochi.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine's own PostgreSQL server binaries, and the PostGIS extension installed beside them. */
public record PostgresBinaries(Path binDir, int majorVersion) {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    /** Finds the binaries from {@code INOCHI_PG_BIN}, else the newest Debian/Ubuntu install; fails with what to install. */
    public static PostgresBinaries locate() {
        return locate(System.getenv());
    }

    static PostgresBinaries locate(java.util.Map<String, String> env) {
        String configured = env.get("INOCHI_PG_BIN");
        PostgresBinaries found = configured != null && !configured.isBlank()
                ? fromBinDir(Path.of(configured)).orElseThrow(() -> new EmbeddedDatabaseException(
                        "INOCHI_PG_BIN=" + configured + " has no initdb/pg_ctl. Point it at PostgreSQL's bin directory."))
                : newestDebianInstall().orElseThrow(() -> new EmbeddedDatabaseException(
                        "PostgreSQL is not installed. Run bin/setup-host, or: sudo apt-get install -y postgresql postgresql-15-postgis-3"
                                + " (PostgreSQL が見つかりません。bin/setup-host を実行してください)"));
        found.requirePostgis();
        return found;
    }

    public Path initdb() { return binDir.resolve("initdb"); }

    public Path pgCtl() { return binDir.resolve("pg_ctl"); }

    private void requirePostgis() {
        Path debianExtensions = Path.of("/usr/share/postgresql/" + majorVersion + "/extension");
        Path besideBinaries = binDir.getParent().resolve("share/extension");
        boolean installed = Stream.of(debianExtensions, besideBinaries, binDir.getParent().resolve("share/postgresql/extension"))
                .anyMatch(dir -> Files.exists(dir.resolve("postgis.control")));
        if (!installed) {
            throw new EmbeddedDatabaseException("PostGIS is not installed for PostgreSQL " + majorVersion
                    + ". Run bin/setup-host, or: sudo apt-get install -y postgresql-" + majorVersion + "-postgis-3"
                    + " (PostGIS が見つかりません)");
        }
    }

    private static Optional<PostgresBinaries> newestDebianInstall() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString())).reversed())
                    .map(dir -> fromBinDir(dir.resolve("bin")))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot list " + DEBIAN_ROOT + ": " + e.getMessage(), e);
        }
    }

    private static Optional<PostgresBinaries> fromBinDir(Path binDir) {
        if (!Files.isExecutable(binDir.resolve("initdb")) || !Files.isExecutable(binDir.resolve("pg_ctl"))) {
            return Optional.empty();
        }
        String version = binDir.getParent().getFileName().toString();
        int major = version.matches("\\d+") ? Integer.parseInt(version) : 0;
        return Optional.of(new PostgresBinaries(binDir, major));
    }
}
