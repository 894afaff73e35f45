package jp.inochi.reminders.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's gauges, read from {@code outbox_message} every {@code inochi.metrics.outbox-refresh} (30 s) on each
 * instance, never during a scrape (a scrape must not wait for the database):
 * {@code inochi.outbox.backlog{state=due}} messages that should be going out now (waiting or being sent),
 * {@code inochi.outbox.backlog{state=scheduled}} those waiting for their hour (tomorrow's digest), and
 * {@code inochi.outbox.oldest.age} how long the oldest due message has been due (0 when none is).
 */
@Singleton
public class OutboxMeters {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMeters.class);
    // A retried message's due time moved on with each retry: it has been due since its first attempt began.
    private static final String BACKLOG = """
            SELECT count(*) FILTER (WHERE m.state = 'SENDING' OR m.next_attempt_at <= ?),
                   count(*) FILTER (WHERE m.state = 'PENDING' AND m.next_attempt_at > ?),
                   min(CASE WHEN m.attempts = 0 THEN m.next_attempt_at
                            ELSE (SELECT a.started_at FROM outbox_attempt a WHERE a.message_id = m.id AND a.attempt = 1)
                       END) FILTER (WHERE m.state = 'SENDING' OR m.next_attempt_at <= ?)
            FROM outbox_message m WHERE m.state IN ('PENDING', 'SENDING')""";

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxMeters(TransactionOperations<Connection> transactions, Clock clock, MeterRegistry registry) {
        this.transactions = transactions;
        this.clock = clock;
        Gauge.builder("inochi.outbox.backlog", due, AtomicLong::get).tag("state", "due")
                .description("Outbox messages due now, waiting or being sent").register(registry);
        Gauge.builder("inochi.outbox.backlog", scheduled, AtomicLong::get).tag("state", "scheduled")
                .description("Outbox messages waiting for their hour").register(registry);
        TimeGauge.builder("inochi.outbox.oldest.age", oldestAgeSeconds, TimeUnit.SECONDS, AtomicLong::get)
                .description("How long the oldest due outbox message has been due").register(registry);
    }

    /** Reads the backlog again; the scheduler calls it, and tests that want the gauges current now. */
    @Scheduled(fixedDelay = "${inochi.metrics.outbox-refresh:30s}", initialDelay = "5s")
    public void refresh() {
        try {
            transactions.executeRead(status -> {
                Instant now = clock.instant();
                try (PreparedStatement query = Jdbc.prepare(status.getConnection(), BACKLOG, now, now, now);
                     ResultSet row = query.executeQuery()) {
                    row.next();
                    due.set(row.getLong(1));
                    scheduled.set(row.getLong(2));
                    Timestamp oldest = row.getTimestamp(3);
                    oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond()));
                    return null;
                }
            });
        } catch (RuntimeException e) {
            // The gauges keep their last values; the next refresh tries again.
            LOG.warn("Outbox gauges could not be refreshed ({})", e.getClass().getSimpleName(), e);
        }
    }
}
