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
                        SELECT id, state AS was FROM outbox_message
                        WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND lease_until < ?)
                        ORDER BY next_attempt_at, id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED)
                    UPDATE outbox_message m
                    SET state = 'SENDING', attempts = m.attempts + 1, claimed_by = ?, lease_until = ?,
                        last_attempt_at = ?, redelivered = m.redelivered OR ready.was = 'SENDING', updated_at = ?
                    FROM ready WHERE m.id = ready.id
                    RETURNING m.id, ready.was""";
            try (PreparedStatement claim = Jdbc.prepare(connection, sql, now, now, policy.batchSize(), instance.get(),
                    now.plus(policy.lease()), now, now); ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    if ("SENDING".equals(rows.getString(2))) {
                        takenOver.add(rows.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim outbox messages: " + e.getSQLState(), e);
            }
            if (ids.isEmpty()) {
                return new Claimed(List.of(), 0);
            }
            if (!takenOver.isEmpty()) {
                Jdbc.update(connection, "UPDATE outbox_attempt SET finished_at = ?, outcome = 'INTERRUPTED', "
                        + "error = 'このメールを送信中のインスタンスが、結果を記録する前に停止しました' "
                        + "WHERE message_id = ANY(?) AND finished_at IS NULL", now,
                        Jdbc.bigints(connection, takenOver));
                LOG.warn("Outbox: {} took over {} messages whose instance stopped while sending: {}", instance.get(),
                        takenOver.size(), takenOver);
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
     * Just before SMTP: this instance still holds the message, and holds it for a full lease from now. A slow batch
     * (an SMTP server that times out) never sends a message whose lease ran out and another instance took over.
     */
    boolean renewLease(OutboxMessage message) {
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            return Jdbc.update(status.getConnection(), "UPDATE outbox_message SET lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", now.plus(policy.lease()), now, message.id(),
                    instance.get()) == 1;
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
