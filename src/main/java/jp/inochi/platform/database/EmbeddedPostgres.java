package jp.inochi.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster, started from the machine's own binaries.
 *
 * <p>Layout under {@code home}: {@code data/} (the cluster), {@code postgres.log}, {@code password}
 * and {@code inochi.lock}. The lock is held while this object is open, so a second service on the
 * same directory fails at once instead of sharing or corrupting the cluster.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String DATABASE = "inochi";
    public static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final PostgresBinaries binaries;
    private final Path home;
    private final int port;
    private final boolean throwaway;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String password;

    private EmbeddedPostgres(PostgresBinaries binaries, Path home, int port, boolean throwaway,
                             FileChannel lockChannel, FileLock lock, String password) {
        this.binaries = binaries;
        this.home = home;
        this.port = port;
        this.throwaway = throwaway;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.password = password;
    }

    /** Starts (creating on first use) the service's persistent cluster in {@code home}. */
    public static EmbeddedPostgres startPersistent(Path home, int port) {
        return start(home, port, false);
    }

    /** Starts a fresh, fast, non-durable cluster for one test JVM in a new temporary directory. */
    public static EmbeddedPostgres startThrowaway() {
        try {
            Path home = Files.createTempDirectory("inochi-test-pg-");
            return start(home, freePort(), true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create a temporary directory for the test database: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres start(Path home, int port, boolean throwaway) {
        PostgresBinaries binaries = PostgresBinaries.locate();
        Path absoluteHome = home.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absoluteHome);
            channel = FileChannel.open(absoluteHome.resolve("inochi.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new EmbeddedDatabaseException("The embedded database in " + absoluteHome
                        + " is already in use by another Inochi process. Stop it first, or set DATASOURCES_DEFAULT_URL."
                        + " (このデータディレクトリは別の Inochi が使用中です)");
            }
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                    String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            EmbeddedPostgres postgres = new EmbeddedPostgres(binaries, absoluteHome, port, throwaway,
                    channel, lock, readOrCreatePassword(absoluteHome));
            postgres.initialiseAndStart();
            return postgres;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException("Cannot prepare " + absoluteHome + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private void initialiseAndStart() throws IOException {
        handOverToPostgresUser(home);
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            LOG.info("Creating the embedded PostgreSQL cluster in {}", dataDir());
            List<String> initdb = new ArrayList<>(List.of(binaries.initdb().toString(), "-D", dataDir().toString(),
                    "-U", SUPERUSER, "--pwfile=" + home.resolve("password"), "-A", "scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8"));
            if (throwaway) {
                initdb.add("--no-sync");
            }
            run(initdb);
            Files.writeString(dataDir().resolve("postgresql.conf"), serverSettings(),
                    StandardOpenOption.APPEND);
        }
        if (isServerRunning()) {
            // Left behind by a service that was killed: we hold the lock, so nobody else is using it.
            LOG.warn("Found an orphaned embedded PostgreSQL in {}; restarting it", dataDir());
            pgCtl("stop", "-m", "fast");
        }
        pgCtl("start", "-o", "-p " + port, "-l", home.resolve("postgres.log").toString(), "-t", "60");
        createDatabaseIfMissing();
        LOG.info("Embedded PostgreSQL is ready on 127.0.0.1:{}", port);
    }

    private String serverSettings() {
        StringBuilder settings = new StringBuilder("\n# Inochi embedded cluster: TCP on loopback only, no Unix socket (path length limits)\n")
                .append("listen_addresses = '127.0.0.1'\n")
                .append("unix_socket_directories = ''\n")
                .append("max_connections = 200\n");
        if (throwaway) {
            settings.append("# Throwaway test cluster: durability is not needed\n")
                    .append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        }
        return settings.toString();
    }

    private boolean isServerRunning() {
        return Files.exists(dataDir().resolve("postmaster.pid")) && pgCtlExitCode("status") == 0;
    }

    private void createDatabaseIfMissing() {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, SUPERUSER, password);
             Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rows.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL started but refuses connections: " + e.getMessage()
                    + ". See " + home.resolve("postgres.log"), e);
        }
    }

    /** Stops the server; a throwaway cluster is also deleted. */
    @Override
    public void close() {
        try {
            if (isServerRunning()) {
                pgCtl("stop", "-m", "fast");
            }
        } finally {
            closeQuietly(lockChannel);
            if (throwaway) {
                deleteRecursively(home);
            }
        }
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(binaries.pgCtl().toString(), action, "-D", dataDir().toString(), "-w"));
        command.addAll(List.of(options));
        run(command);
    }

    private int pgCtlExitCode(String action) {
        return execute(List.of(binaries.pgCtl().toString(), action, "-D", dataDir().toString())).exitCode();
    }

    private void run(List<String> command) {
        Result result = execute(command);
        if (result.exitCode() != 0) {
            throw new EmbeddedDatabaseException("'" + String.join(" ", command) + "' failed (exit " + result.exitCode()
                    + "): " + result.output().strip() + ". See " + home.resolve("postgres.log"));
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result execute(List<String> command) {
        List<String> asPostgres = new ArrayList<>();
        if (RunningUser.isRoot()) {
            // initdb and postgres refuse to run as root.
            asPostgres.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        asPostgres.addAll(command);
        try {
            Process process = new ProcessBuilder(asPostgres).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedDatabaseException("'" + String.join(" ", command) + "' did not finish in " + COMMAND_TIMEOUT);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while running " + command.get(0), e);
        }
    }

    private static void handOverToPostgresUser(Path home) throws IOException {
        if (!RunningUser.isRoot()) {
            return;
        }
        UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
        var postgresUser = users.lookupPrincipalByName("postgres");
        try (var paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, postgresUser);
            }
        }
        Path blocked = firstDirectoryPostgresCannotEnter(home);
        if (blocked != null) {
            throw new EmbeddedDatabaseException("The postgres user cannot enter " + blocked + ", which holds " + home
                    + ". Move the checkout, or set INOCHI_PG_HOME to a directory it can reach.");
        }
    }

    private static Path firstDirectoryPostgresCannotEnter(Path home) {
        for (Path dir = home; dir != null; dir = dir.getParent()) {
            try {
                Process probe = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", dir.toString()).start();
                if (probe.waitFor() != 0) {
                    return dir;
                }
            } catch (IOException e) {
                return dir;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return dir;
            }
        }
        return null;
    }

    private static String readOrCreatePassword(Path home) throws IOException {
        Path file = home.resolve("password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The lock goes with the process anyway.
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the test database directory {}: {}", root, e.getMessage());
        }
    }
}
