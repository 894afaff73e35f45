package jp.inochi.layers;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.WorkDirectory;
import jp.inochi.platform.operations.ImportMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports as jobs on a small pool of this instance, and keeps each job's state and progress in
 * {@code import_job} as it goes (throttled, in its own transactions), so every instance can report it. While the
 * instance lives, {@link #heartbeat()} keeps its unfinished jobs' heartbeat fresh, whatever phase they are in; a job
 * whose heartbeat stopped (the instance went down) is reported as interrupted, and {@link InterruptedImports} ends it.
 */
@Singleton
public class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration HEARTBEAT = Duration.ofMillis(250);
    static final String INTERRUPTED_PHASE = "中断";
    static final String INTERRUPTED = "読み込み中にサーバーが停止しました。現在の版はそのままです。もう一度読み込んでください";

    private final LayerImporter importer;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService workers;
    private final String node;
    private final Duration staleAfter;
    private final ImportMeters meters;

    ImportJobs(LayerImporter importer, TransactionOperations<Connection> transactions, AuditLog auditLog, JsonMapper json,
               Clock clock, ImportSettings settings, @Value("${micronaut.application.name:inochi}") String application,
               ImportMeters meters) {
        this.importer = importer;
        this.meters = meters;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), runnable -> {
            Thread thread = new Thread(runnable, "inochi-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.node = application + "@" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.staleAfter = settings.staleAfter();
    }

    /** The state of a job as the API shows it. */
    public record JobState(UUID id, LayerKind kind, String layerName, String hazardType, String fileName, String status,
                           String phase, long done, Long total, int percent, String detail, String errorsJson,
                           String reportJson, Long layerVersionId, Long requestedBy, Instant createdAt, Instant startedAt,
                           Instant finishedAt) {
    }

    /**
     * Queues the import of files already saved in {@code uploadDirectory}; the job deletes the directory when done.
     * Returns the job id at once.
     */
    public UUID submit(Viewer viewer, ImportRequest request, List<InputFile> files, Path uploadDirectory) {
        UUID id = UUID.randomUUID();
        String fileNames = String.join(", ", files.stream().map(InputFile::name).toList());
        inNewTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO import_job (id, kind, layer_name, hazard_type, file_name, status, phase, requested_by, node,
                                            created_at, temp_dir, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, 'QUEUED', '待機中', ?, ?, ?, ?, now())""")) {
                insert.setObject(1, id);
                insert.setString(2, request.kind().name());
                insert.setString(3, request.layerName());
                insert.setString(4, request.hazardType());
                insert.setString(5, fileNames);
                insert.setLong(6, viewer.userId());
                insert.setString(7, node);
                insert.setTimestamp(8, Timestamp.from(clock.instant()));
                insert.setString(9, uploadDirectory.toAbsolutePath().toString());
                insert.executeUpdate();
            }
            return null;
        });
        workers.submit(() -> run(id, viewer, request, files, uploadDirectory));
        LOG.info("Import job {} queued ({}, {} files)", id, request.kind(), files.size());
        return id;
    }

    private void run(UUID id, Viewer viewer, ImportRequest request, List<InputFile> files, Path uploadDirectory) {
        ImportMeters.Running timing = meters.start(request.kind().name());
        try {
            execute("UPDATE import_job SET status = 'RUNNING', phase = '読み込み', started_at = ?, heartbeat_at = now() WHERE id = ?",
                    now(), id);
            ImportReport report = importer.importFiles(request, files, new JobProgress(id),
                    new ImportTraces(uploadDirectory, sessionName(id)));
            execute("""
                    UPDATE import_job SET status = 'SUCCEEDED', phase = '完了', done = ?, total = ?, report = ?::jsonb,
                        layer_version_id = ?, finished_at = ?, heartbeat_at = now() WHERE id = ?""",
                    report.featureCount(), report.featureCount(), json.writeValueAsString(report), report.versionId(), now(),
                    id);
            auditLog.changed(viewer, AuditAction.CREATE, "POST /api/" + resource(request.kind()), "geo_layer_version",
                    report.versionId(), null, request.kind() + " layer " + report.layerId() + " version " + report.versionNo()
                            + ": " + report.imported() + " features");
            LOG.info("Import job {} succeeded: layer {} version {}", id, report.layerId(), report.versionId());
            timing.end(ImportMeters.Outcome.SUCCEEDED);
        } catch (ImportFailure failure) {
            timing.end(ImportMeters.Outcome.REFUSED);
            fail(id, failure.detail(), failure.problems());
            LOG.info("Import job {} failed: {} ({} feature problems)", id, failure.type(), failure.problems().size());
        } catch (Exception | Error e) {
            LOG.error("Import job {} failed unexpectedly", id, e);
            timing.end(ImportMeters.Outcome.FAILED);
            fail(id, "システムエラーのため読み込みを中止しました。現在の版はそのままです。時間をおいて再度お試しください", List.of());
        } finally {
            WorkDirectory.delete(uploadDirectory);
            try {
                execute("UPDATE import_job SET temp_dir = NULL WHERE id = ?", id);
            } catch (RuntimeException e) {
                LOG.warn("Import job {}: its files are deleted but that could not be recorded", id, e);
            }
        }
    }

    private void fail(UUID id, String detail, List<FeatureProblem> problems) {
        try {
            execute("UPDATE import_job SET status = 'FAILED', phase = '失敗', detail = ?, errors = ?::jsonb, finished_at = ?, "
                    + "heartbeat_at = now() WHERE id = ?", detail, problems.isEmpty() ? null : json.writeValueAsString(problems),
                    now(), id);
        } catch (IOException e) {
            LOG.error("Import job {}: the failure could not be recorded", id, e);
        }
    }

    /** The job, or empty when there is none with the id. */
    public Optional<JobState> find(UUID id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT id, kind, layer_name, hazard_type, file_name, status, phase, done, total, detail, errors::text,
                           report::text, layer_version_id, requested_by, created_at, started_at, finished_at,
                           status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)
                    FROM import_job WHERE id = ?""")) {
                select.setDouble(1, staleAfter.toMillis() / 1000.0);
                select.setObject(2, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String state = row.getString(6);
                    String phase = row.getString(7);
                    String detail = row.getString(10);
                    if (row.getBoolean(18)) {
                        state = "FAILED";
                        phase = INTERRUPTED_PHASE;
                        detail = INTERRUPTED;
                    }
                    long done = row.getLong(8);
                    long total = row.getLong(9);
                    Long totalOrNull = row.wasNull() ? null : total;
                    long versionId = row.getLong(13);
                    Long version = row.wasNull() ? null : versionId;
                    long requester = row.getLong(14);
                    Long requestedBy = row.wasNull() ? null : requester;
                    return Optional.of(new JobState((UUID) row.getObject(1), LayerKind.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4), row.getString(5), state, phase, done, totalOrNull,
                            percent(state, phase, done, totalOrNull), detail, row.getString(11), row.getString(12), version,
                            requestedBy, instant(row.getTimestamp(15)), instant(row.getTimestamp(16)),
                            instant(row.getTimestamp(17))));
                }
            }
        });
    }

    /** Reading is 0-90 %, the SQL phases 92-98 %, success 100 %. */
    static int percent(String status, String phase, long done, Long total) {
        if (status.equals("SUCCEEDED")) {
            return 100;
        }
        if (phase.equals(ImportProgress.Phase.VALIDATING.label())) {
            return 92;
        }
        if (phase.equals(ImportProgress.Phase.PUBLISHING.label())) {
            return 95;
        }
        if (phase.equals(ImportProgress.Phase.RECOMPUTING.label())) {
            return 98;
        }
        if (total == null || total == 0) {
            return 0;
        }
        return (int) Math.min(90, done * 90 / total);
    }

    /**
     * Writes progress in its own transaction at every change of phase, at every tenth of the features read (so a
     * fast machine still shows the reading move), and otherwise at most every 250 ms.
     */
    private final class JobProgress implements ImportProgress {
        private final UUID id;
        private Phase lastPhase;
        private long lastWrite;
        private long lastTenth;

        JobProgress(UUID id) {
            this.id = id;
        }

        @Override
        public void update(Phase phase, long done, long total) {
            long now = System.nanoTime();
            long tenth = total > 0 ? done * 10 / total : 0;
            if (phase == lastPhase && tenth == lastTenth && now - lastWrite < HEARTBEAT.toNanos()) {
                return;
            }
            lastPhase = phase;
            lastWrite = now;
            lastTenth = tenth;
            execute("UPDATE import_job SET phase = ?, done = ?, total = ?, heartbeat_at = now() WHERE id = ?",
                    phase.label(), done, total, id);
        }
    }

    /**
     * Tells the other instances this one still runs its unfinished jobs, whatever phase they are in (a long SQL
     * phase writes no progress). Heartbeats are on the database's clock, the one clock all instances share.
     */
    public void heartbeat() {
        execute("UPDATE import_job SET heartbeat_at = now() WHERE node = ? AND status IN ('QUEUED', 'RUNNING')", node);
    }

    /** This instance, as the jobs it runs record it. */
    String node() {
        return node;
    }

    /** What the import's database session is called while it runs. */
    static String sessionName(UUID id) {
        return "inochi-import " + id;
    }

    private void execute(String sql, Object... parameters) {
        inNewTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object value = parameters[i];
                    statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    private <T> T inNewTransaction(SqlWork<T> work) {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> work.run(status.getConnection()));
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    private Instant now() {
        return clock.instant();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String resource(LayerKind kind) {
        return switch (kind) {
            case HAZARD -> "hazard-layers";
            case BOUNDARY -> "boundary-layers";
            case SHELTER -> "shelter-layers";
        };
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
