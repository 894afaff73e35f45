package jp.inochi.reminders.outbox;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.reminders.model.DeliveryRetries;
import jp.inochi.reminders.model.ReminderPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claiming outbox messages for this instance under a lease: two instances never hold the same message, and a message
 * whose instance died while sending (its lease ran out) is taken over. Each claim opens an attempt row, which the
 * attempt's outcome closes ({@link #finishAttempt}).
 */
@Singleton
class OutboxClaims {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxClaims.class);
    private static final String STOPPED_BEFORE_SMTP =
            "このメールを送信中のインスタンスが、メールサーバーとやり取りを始める前に停止しました（未送信のため、通常の再試行です）";
    private static final String STOPPED_DURING_SMTP =
            "このメールを送信中のインスタンスが、メールサーバーとのやり取りを始めたあと、結果を記録する前に停止しました"
            + "（届いている可能性があるため、再配信として送ります）";

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository messages;
    private final MessageKinds kinds;
    private final DeliveryRetries policy;
    private final InstanceName instance;
    private final Clock clock;

    OutboxClaims(TransactionOperations<Connection> transactions, OutboxRepository messages, MessageKinds kinds,
                 ReminderPolicy policy, InstanceName instance, Clock clock) {
        this.transactions = transactions;
        this.messages = messages;
        this.kinds = kinds;
        this.policy = policy.delivery();
        this.instance = instance;
        this.clock = clock;
    }

    record Claimed(List<OutboxMessage> messages, int takenOver) {
    }

    /**
     * The claim: ready messages (PENDING and due, or SENDING with an expired lease: their instance died) become
     * SENDING for this instance, in one transaction with their attempt rows and the kinds' binding of items.
     */
    Claimed claim() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            List<Long> ids = new ArrayList<>();
            List<Long> takenOver = new ArrayList<>();
            String sql = """
                    WITH ready AS (
                        SELECT id, state AS was, state = 'SENDING' AND EXISTS (
                                   SELECT 1 FROM outbox_attempt a WHERE a.message_id = o.id AND a.attempt = o.attempts
                                   AND a.smtp_started_at IS NOT NULL) AS talked
                        FROM outbox_message o
                        WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND lease_until < ?)
                        ORDER BY next_attempt_at, id
                        LIMIT ?
                        FOR UPDATE OF o SKIP LOCKED)
                    UPDATE outbox_message m
                    SET state = 'SENDING', attempts = m.attempts + 1, claimed_by = ?, lease_until = ?,
                        last_attempt_at = ?, redelivered = m.redelivered OR ready.talked, updated_at = ?
                    FROM ready WHERE m.id = ready.id
                    RETURNING m.id, ready.was, ready.talked""";
            int redelivered = 0;
            try (PreparedStatement claim = Jdbc.prepare(connection, sql, now, now, policy.batchSize(), instance.get(),
                    now.plus(policy.lease()), now, now); ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    if ("SENDING".equals(rows.getString(2))) {
                        takenOver.add(rows.getLong(1));
                    }
                    redelivered += rows.getBoolean(3) ? 1 : 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim outbox messages: " + e.getSQLState(), e);
            }
            if (ids.isEmpty()) {
                return new Claimed(List.of(), 0);
            }
            if (!takenOver.isEmpty()) {
                // Only an attempt that had begun talking to the mail server may have delivered the email already.
                Jdbc.update(connection, "UPDATE outbox_attempt SET finished_at = ?, outcome = 'INTERRUPTED', error = "
                        + "CASE WHEN smtp_started_at IS NULL THEN '" + STOPPED_BEFORE_SMTP + "' "
                        + "ELSE '" + STOPPED_DURING_SMTP + "' END "
                        + "WHERE message_id = ANY(?) AND finished_at IS NULL", now,
                        Jdbc.bigints(connection, takenOver));
                LOG.warn("Outbox: {} took over {} messages whose instance stopped while sending ({} had begun talking to "
                        + "the mail server: sent again as redelivered): {}", instance.get(), takenOver.size(), redelivered,
                        takenOver);
            }
            Jdbc.update(connection, """
                    INSERT INTO outbox_attempt (message_id, attempt, instance, started_at)
                    SELECT id, attempts, ?, ? FROM outbox_message WHERE id = ANY(?)""",
                    instance.get(), now, Jdbc.bigints(connection, ids));
            List<OutboxMessage> claimed = new ArrayList<>();
            for (Long id : ids) {
                OutboxMessage message = messages.findById(id).orElseThrow();
                MessageKind<?> kind = kinds.of(message);
                if (kind != null) {
                    kind.claimed(message);
                }
                claimed.add(message);
            }
            return new Claimed(claimed, takenOver.size());
        });
    }

    /**
     * Just before SMTP: this instance still holds the message, and holds it for a full lease from now (a slow batch
     * never sends a message whose lease ran out and another instance took over); and the attempt records, committed,
     * that it begins talking to the mail server. If this instance dies from here until the outcome is recorded, the
     * instance taking the message over knows the family may already have it.
     */
    boolean startSmtp(OutboxMessage message) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            if (Jdbc.update(connection, "UPDATE outbox_message SET lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", now.plus(policy.lease()), now, message.id(),
                    instance.get()) != 1) {
                return false;
            }
            Jdbc.update(connection, "UPDATE outbox_attempt SET smtp_started_at = ? WHERE message_id = ? AND attempt = ?",
                    now, message.id(), message.attempts());
            return true;
        });
    }

    /** The message's state no longer says this instance holds it: another one took it over. */
    SendOutcome lostClaim(OutboxMessage message) {
        LOG.warn("Outbox message {} was taken over by another instance while {} was sending it (lease {} exceeded)",
                message.id(), instance.get(), policy.lease());
        return SendOutcome.LOST_CLAIM;
    }

    /** Closes the attempt row the claim opened, in the transaction that records the message's outcome. */
    static void finishAttempt(Connection connection, OutboxMessage message, Instant now, String outcome, String error) {
        Jdbc.update(connection, "UPDATE outbox_attempt SET finished_at = ?, outcome = ?, error = ? "
                + "WHERE message_id = ? AND attempt = ?", now, outcome, error, message.id(), message.attempts());
    }
}
