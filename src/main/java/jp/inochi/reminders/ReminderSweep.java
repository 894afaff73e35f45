package jp.inochi.reminders;

import io.micrometer.core.instrument.Timer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderRule;
import jp.inochi.reminders.outbox.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline sweep: evaluates the policy against the {@code loan_obligation} sheet for a given instant and writes
 * the reminders that are due into {@code reminder}, and the day's digests into the outbox.
 *
 * <ul>
 *   <li><b>Idempotent</b>: the unique key (loan, obligation, rule, due date, recipient) and {@code ON CONFLICT DO
 *   NOTHING}: a second run, or a run on another instance at the same moment, writes nothing twice.</li>
 *   <li><b>Catches up</b>: for each obligation and recipient the latest rule whose day has come is written if no rule
 *   as late was written before, so what came due while every instance was down is written at the next run.</li>
 *   <li><b>In chunks</b> of loans, each its own transaction: an instance that dies mid-sweep loses only its open chunk
 *   (rolled back), which the next run writes; a chunk that fails is reported and the others still run.</li>
 *   <li><b>Consent</b>: a family reminder for a family without email consent or address is written NOT_EMAILED and
 *   reaches the staff digest instead.</li>
 * </ul>
 * Whether a reminder is still due is checked again when its email is composed (FamilyDigest).
 */
@Singleton
public class ReminderSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    private final TransactionOperations<Connection> transactions;
    private final ReminderPolicy policy;
    private final ReminderSweepMeters meters;

    ReminderSweep(TransactionOperations<Connection> transactions, ReminderPolicy policy, ReminderSweepMeters meters) {
        this.transactions = transactions;
        this.policy = policy;
        this.meters = meters;
    }

    /** What one sweep did; {@code failedChunks} names the loan id ranges that failed (the rest ran). */
    @Serdeable
    public record SweepReport(LocalDate day, int remindersWritten, int notEmailed, int familyDigests,
                              boolean staffDigest, List<String> failedChunks) {
    }

    /** Sweeps as of {@code at}: reminders whose day (in Japan) has come by then. */
    public SweepReport run(Instant at) {
        Timer.Sample timing = meters.start();
        SweepReport report = sweep(at);
        meters.swept(timing, report);
        return report;
    }

    private SweepReport sweep(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, JapanTime.ZONE);
        long[] range = activeLoanIdRange();
        int written = 0;
        int notEmailed = 0;
        int digests = 0;
        List<String> failed = new ArrayList<>();
        for (long from = range[0]; range[1] >= range[0] && from <= range[1]; from += policy.sweepChunkSize()) {
            long to = Math.min(range[1], from + policy.sweepChunkSize() - 1);
            long chunkFrom = from;
            try {
                int[] chunk = transactions.executeWrite(status -> sweepChunk(status.getConnection(), today, at, chunkFrom, to));
                written += chunk[0];
                notEmailed += chunk[1];
                digests += chunk[2];
            } catch (RuntimeException e) {
                LOG.warn("Reminder sweep: loans {}-{} failed ({}); the next run retries them", from, to,
                        e.getClass().getSimpleName(), e);
                failed.add(from + "-" + to);
            }
        }
        boolean staffDigest = false;
        try {
            staffDigest = transactions.executeWrite(status -> ensureStaffDigest(status.getConnection(), today, at));
        } catch (RuntimeException e) {
            LOG.warn("Reminder sweep: the staff digest could not be enqueued ({})", e.getClass().getSimpleName(), e);
            failed.add("staff-digest");
        }
        if (written > 0 || digests > 0 || staffDigest || !failed.isEmpty()) {
            LOG.info("Reminder sweep for {}: {} reminders written ({} not emailable), {} family digests, staff digest {}, "
                    + "{} chunks failed", today, written, notEmailed, digests, staffDigest, failed.size());
        }
        return new SweepReport(today, written, notEmailed, digests, staffDigest, failed);
    }

    private long[] activeLoanIdRange() {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM loan WHERE state IN ('ACTIVE', 'RETURN_OPEN')");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the loan id range", e);
            }
        });
    }

    /** Reminders for the loans {@code from..to}, then the family digests of their households. */
    private int[] sweepChunk(Connection connection, LocalDate today, Instant at, long from, long to) {
        List<ReminderRule> rules = policy.rules();
        String insert = """
                WITH rule AS (
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[])
                        AS r(rule_id, obligation, recipient, offset_days)),
                due AS (
                    SELECT o.loan_id, o.household_id, o.obligation, o.due_on
                    FROM loan_obligation o JOIN loan l ON l.id = o.loan_id
                    WHERE o.loan_id BETWEEN ? AND ? AND l.start_date <= ? AND o.due_on <= ?),
                latest AS (
                    SELECT DISTINCT ON (d.loan_id, d.obligation, d.due_on, r.recipient)
                           d.loan_id, d.household_id, d.obligation, d.due_on, r.rule_id, r.recipient, r.offset_days,
                           d.due_on + r.offset_days AS send_on
                    FROM due d JOIN rule r ON r.obligation = d.obligation
                    WHERE d.due_on + r.offset_days <= ?
                    ORDER BY d.loan_id, d.obligation, d.due_on, r.recipient, r.offset_days DESC),
                decided AS (
                    SELECT x.*,
                           CASE WHEN x.recipient <> 'FAMILY' THEN NULL
                                WHEN EXISTS (SELECT 1 FROM family_report f
                                             WHERE f.loan_id = x.loan_id AND f.state = 'RECEIVED'
                                               AND f.obligation_due_on = x.due_on
                                               AND f.kind = CASE x.obligation WHEN 'EVACUATION_PLAN_APPLICATION'
                                                   THEN 'PLAN_APPLIED' WHEN 'YEARLY_CHECK'
                                                   THEN 'CHECK_SCHEDULE_REQUESTED' END) THEN 'FAMILY_REPORTED'
                                WHEN NOT h.email_contact_consent THEN 'NO_CONSENT'
                                WHEN NOT EXISTS (SELECT 1 FROM guardian g WHERE g.household_id = h.id
                                                 AND g.email IS NOT NULL AND btrim(g.email) <> '') THEN 'NO_ADDRESS'
                           END AS not_sent_because
                    FROM latest x JOIN household h ON h.id = x.household_id
                    WHERE NOT EXISTS (SELECT 1 FROM reminder e
                                      WHERE e.loan_id = x.loan_id AND e.obligation = x.obligation
                                        AND e.due_on = x.due_on AND e.recipient = x.recipient
                                        AND e.offset_days >= x.offset_days))
                INSERT INTO reminder (loan_id, household_id, obligation, rule_id, due_on, recipient, offset_days, send_on,
                                      swept_on, state, not_sent_because, created_at, updated_at)
                SELECT loan_id, household_id, obligation, rule_id, due_on, recipient, offset_days, send_on, ?,
                       CASE not_sent_because WHEN 'FAMILY_REPORTED' THEN 'CANCELLED' WHEN 'NO_CONSENT' THEN 'NOT_EMAILED'
                           WHEN 'NO_ADDRESS' THEN 'NOT_EMAILED' ELSE 'PENDING' END,
                       not_sent_because, ?, ?
                FROM decided
                ON CONFLICT (loan_id, obligation, rule_id, due_on, recipient) DO NOTHING
                RETURNING state""";
        int written = 0;
        int notEmailed = 0;
        try (PreparedStatement statement = Jdbc.prepare(connection, insert,
                Jdbc.texts(connection, rules.stream().map(ReminderRule::id).toList()),
                Jdbc.texts(connection, rules.stream().map(r -> r.obligation().name()).toList()),
                Jdbc.texts(connection, rules.stream().map(r -> r.recipient().name()).toList()),
                Jdbc.ints(connection, rules.stream().map(ReminderRule::offsetDays).toList()),
                from, to, today, today.plusDays(policy.longestLeadDays()), today, today, at, at);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                written++;
                if ("NOT_EMAILED".equals(rows.getString(1))) {
                    notEmailed++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write reminders for loans " + from + "-" + to + ": "
                    + e.getSQLState(), e);
        }
        int digests = ensureDigests(connection, "reminder.family-digest", "family-digest", """
                SELECT DISTINCT household_id FROM reminder
                WHERE state = 'PENDING' AND message_id IS NULL AND recipient = 'FAMILY' AND loan_id BETWEEN ? AND ?""",
                List.of(from, to), policy.familyDigestAt(), today, at);
        return new int[] {written, notEmailed, digests};
    }

    /** The day's staff digest, when there is anything to tell the center (new or still open alerts, problems). */
    private boolean ensureStaffDigest(Connection connection, LocalDate today, Instant at) {
        return ensureDigests(connection, "reminder.staff-digest", "staff-digest", """
                SELECT CAST(NULL AS bigint) AS household_id
                WHERE EXISTS (SELECT 1 FROM reminder WHERE recipient = 'STAFF' AND state = 'PENDING' AND message_id IS NULL)
                   OR EXISTS (SELECT 1 FROM reminder WHERE state = 'NOT_EMAILED' AND staff_digest_id IS NULL)
                   OR EXISTS (SELECT 1 FROM outbox_message WHERE state = 'FAILED' AND failure_reported_in IS NULL)
                   OR EXISTS (SELECT 1 FROM family_report WHERE state = 'RECEIVED' AND staff_digest_id IS NULL)
                   OR EXISTS (SELECT 1 FROM follow_up WHERE done_at IS NULL)
                   OR EXISTS (SELECT 1 FROM reminder r JOIN loan_obligation o ON o.loan_id = r.loan_id
                                  AND o.obligation = r.obligation AND o.due_on = r.due_on
                              WHERE r.recipient = 'STAFF' AND r.state = 'SENT' AND r.offset_days > 0)""",
                List.of(), policy.staffDigestAt(), today, at) > 0;
    }

    /**
     * One digest per recipient and day: today's, unless today's has already been taken for sending (then tomorrow's,
     * at the digest hour). Items are bound to it when it is claimed, so nothing written after that is lost: it waits
     * for the next digest.
     */
    private static int ensureDigests(Connection connection, String kind, String keyPrefix, String recipientsSql,
                                     List<Object> recipientParameters, LocalTime at, LocalDate today, Instant now) {
        String sql = """
                WITH recipients AS (%s),
                days AS (
                    SELECT r.household_id,
                           CASE WHEN EXISTS (SELECT 1 FROM outbox_message m
                                             WHERE m.dedupe_key = ? || coalesce(':' || r.household_id, '') || ':' || ?
                                               AND m.state <> 'PENDING')
                                THEN CAST(? AS date) + 1 ELSE CAST(? AS date) END AS day
                    FROM recipients r)
                INSERT INTO outbox_message (kind, dedupe_key, recipient, household_id, digest_on, state, attempts,
                                            next_attempt_at, created_at, updated_at)
                SELECT ?, ? || coalesce(':' || household_id, '') || ':' || day,
                       CASE WHEN household_id IS NULL THEN 'STAFF' ELSE 'FAMILY' END, household_id, day, 'PENDING', 0,
                       greatest(CAST(? AS timestamptz), (day + CAST(? AS time)) AT TIME ZONE 'Asia/Tokyo'), ?, ?
                FROM days
                ON CONFLICT (dedupe_key) DO NOTHING""".formatted(recipientsSql);
        List<Object> parameters = new ArrayList<>(recipientParameters);
        parameters.addAll(List.of(keyPrefix, today.toString(), today, today, kind, keyPrefix, now, at.toString(), now, now));
        return Jdbc.update(connection, sql, parameters.toArray());
    }
}
