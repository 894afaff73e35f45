package jp.inochi.dashboard;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.access.Role;
import jp.inochi.audit.RefusalRecorded;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the refusals the audit log records: when one user's refusals in the hour before pass the threshold
 * ({@link RefusalAlertSettings}), the center is alerted once (an email through the outbox, {@link RefusalAlertMail},
 * and the center admin's dashboard for a day), and not again about that user for an hour. Probing shows up while it
 * happens, not only when someone reads the audit log.
 */
@Singleton
public class RefusalAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAlerts.class);
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration SHOWN_FOR = Duration.ofHours(24);

    private final TransactionOperations<Connection> transactions;
    private final Outbox outbox;
    private final RefusalAlertSettings settings;
    private final Clock clock;

    RefusalAlerts(TransactionOperations<Connection> transactions, Outbox outbox, RefusalAlertSettings settings, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** One alert: who, how many refusals in the hour, since when, and the audit page filtered to them. */
    public record Alert(long id, long userId, String username, String displayName, String roleLabel, int refusals,
                       Instant since, Instant raisedAt) {

        public String auditHref() {
            return "/audit?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&action=REFUSED&from="
                    + LocalDate.ofInstant(since, JapanTime.ZONE);
        }
    }

    /** A failure here must not change the refused request's answer: it is logged, and the next refusal tries again. */
    @EventListener
    void refused(RefusalRecorded refusal) {
        try {
            raiseIfPassed(refusal.userId(), refusal.at());
        } catch (RuntimeException e) {
            LOG.error("Refusal alert for user {} could not be checked", refusal.userId(), e);
        }
    }

    /** The new alert's id, or empty when the refusals have not passed the threshold or were alerted this hour. */
    Optional<Long> raiseIfPassed(long userId, Instant at) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            // one check at a time per user, so two instances' refusals can't raise two alerts
            Jdbc.queryLong(connection, "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) l",
                    "refusal-alert:" + userId);
            if (Jdbc.queryLong(connection, "SELECT count(*) FROM refusal_alert WHERE user_id = ? AND raised_at > ?",
                    userId, at.minus(WINDOW)) > 0) {
                return Optional.<Long>empty();
            }
            try (PreparedStatement counted = Jdbc.prepare(connection, """
                    SELECT coalesce(sum(row_count), 0), min(occurred_at) FROM audit_log
                    WHERE action = 'REFUSED' AND actor_user_id = ? AND occurred_at > ? AND occurred_at <= ?""",
                    userId, at.minus(WINDOW), at);
                 ResultSet row = counted.executeQuery()) {
                row.next();
                long refusals = row.getLong(1);
                if (refusals <= settings.threshold()) {
                    return Optional.<Long>empty();
                }
                long id = Jdbc.queryLong(connection, """
                        INSERT INTO refusal_alert (user_id, refusals, since, raised_at) VALUES (?, ?, ?, ?) RETURNING id""",
                        userId, (int) refusals, row.getTimestamp(2).toInstant(), at);
                outbox.enqueue(new Outbox.NewMessage(RefusalAlertMail.KIND, "refusal-alert:" + id, Recipient.STAFF, null,
                        id, null, at));
                LOG.warn("User id {} was refused {} times within an hour: the center is alerted", userId, refusals);
                return Optional.of(id);
            }
        });
    }

    /** Alerts of the last day, newest first, for the center admin's dashboard. */
    public List<Alert> recent() {
        return transactions.executeRead(status -> {
            List<Alert> alerts = new ArrayList<>();
            try (PreparedStatement select = Jdbc.prepare(status.getConnection(), SELECT + " WHERE a.raised_at > ? "
                    + "ORDER BY a.raised_at DESC, a.id DESC LIMIT 20", clock.instant().minus(SHOWN_FOR));
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(alert(rows));
                }
            }
            return alerts;
        });
    }

    /** The alert, for its email; empty when there is none with the id. */
    Optional<Alert> find(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = Jdbc.prepare(status.getConnection(), SELECT + " WHERE a.id = ?", id);
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(alert(row)) : Optional.<Alert>empty();
            }
        });
    }

    private static final String SELECT = """
            SELECT a.id, a.user_id, u.username, u.display_name, u.role, a.refusals, a.since, a.raised_at
            FROM refusal_alert a JOIN app_user u ON u.id = a.user_id""";

    private static Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                Role.valueOf(row.getString(5)).label(), row.getInt(6), instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
