package jp.inochi.layers;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.layers.reading.WorkDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the imports whose instance died (killed, crashed, its machine gone): a queued or running job whose heartbeat is
 * older than {@code inochi.import.stale-after} is marked failed with the reason, the database session still holding its
 * uncommitted transaction (and with it the staging table and the layer's lock) is ended, and its uploaded and unpacked
 * files are deleted where they lie on this machine. Nothing of such an import was ever committed, so the layer's
 * previous version stays current. Safe to run on every instance at once.
 */
@Singleton
public class InterruptedImports {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedImports.class);

    private final TransactionOperations<Connection> transactions;
    private final ImportSettings settings;
    private final Clock clock;

    InterruptedImports(TransactionOperations<Connection> transactions, ImportSettings settings, Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Ends every orphaned job and deletes the files left here by ended ones; the jobs ended now. */
    public List<UUID> recover() {
        List<UUID> ended = transactions.executeWrite(status -> endOrphans(status.getConnection()));
        for (UUID id : ended) {
            int sessions = transactions.executeWrite(status -> endSession(status.getConnection(), id));
            LOG.warn("Import job {} was orphaned by a stopped instance: marked failed ({} database session ended)", id, sessions);
        }
        transactions.executeWrite(status -> {
            deleteLeftFiles(status.getConnection());
            return null;
        });
        return ended;
    }

    private List<UUID> endOrphans(Connection connection) throws SQLException {
        List<UUID> ended = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE import_job SET status = 'FAILED', phase = ?, detail = ?, finished_at = ?
                WHERE status IN ('QUEUED', 'RUNNING') AND %s RETURNING id""".formatted(stale()))) {
            update.setString(1, ImportJobs.INTERRUPTED_PHASE);
            update.setString(2, ImportJobs.INTERRUPTED);
            update.setTimestamp(3, Timestamp.from(clock.instant()));
            update.setDouble(4, staleSeconds());
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    ended.add((UUID) rows.getObject(1));
                }
            }
        }
        return ended;
    }

    /** A killed client's backend may run on until it next writes to the socket, holding the layer's lock meanwhile. */
    private static int endSession(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement terminate = connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, ImportJobs.sessionName(id));
            try (ResultSet count = terminate.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /**
     * Deletes the files of ended jobs that are on this machine; a directory not found here may be on the dead
     * instance's machine, which deletes it when it starts again.
     */
    private void deleteLeftFiles(Connection connection) throws SQLException {
        Map<UUID, Path> left = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, temp_dir FROM import_job
                WHERE temp_dir IS NOT NULL AND status IN ('SUCCEEDED', 'FAILED') AND %s""".formatted(stale()))) {
            select.setDouble(1, staleSeconds());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    left.put((UUID) rows.getObject(1), Path.of(rows.getString(2)));
                }
            }
        }
        for (Map.Entry<UUID, Path> job : left.entrySet()) {
            if (!Files.exists(job.getValue())) {
                continue;
            }
            WorkDirectory.delete(job.getValue());
            if (!Files.exists(job.getValue())) {
                try (PreparedStatement cleared = connection.prepareStatement("UPDATE import_job SET temp_dir = NULL WHERE id = ?")) {
                    cleared.setObject(1, job.getKey());
                    cleared.executeUpdate();
                }
                LOG.info("Import job {}: deleted the files it left in {}", job.getKey(), job.getValue());
            }
        }
    }

    /** No heartbeat for longer than stale-after, on the database's clock (a live instance beats well within it). */
    private static String stale() {
        return "(heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ?))";
    }

    private double staleSeconds() {
        return settings.staleAfter().toMillis() / 1000.0;
    }
}
