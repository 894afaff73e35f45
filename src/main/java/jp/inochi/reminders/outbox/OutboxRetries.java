package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import jp.inochi.reminders.model.DeliveryRetries;
import jp.inochi.reminders.model.ReminderPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed attempt: back to PENDING after a growing wait ({@link DeliveryRetries}), with the error; or FAILED after the
 * last attempt (or an address the server refuses for good), and the kind tells the center.
 */
@Singleton
class OutboxRetries {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetries.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final TransactionOperations<Connection> transactions;
    private final OutboxClaims claims;
    private final DeliveryRetries policy;
    private final InstanceName instance;
    private final Clock clock;

    OutboxRetries(TransactionOperations<Connection> transactions, OutboxClaims claims, ReminderPolicy policy,
                  InstanceName instance, Clock clock) {
        this.transactions = transactions;
        this.claims = claims;
        this.policy = policy.delivery();
        this.instance = instance;
        this.clock = clock;
    }

    /** Records the failure; {@code kind} is null for a kind this service does not know (nobody to tell then). */
    SendOutcome fail(OutboxMessage message, @Nullable MessageKind<?> kind, String error, boolean permanent) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            boolean giveUp = permanent || policy.givesUpAfter(message.attempts());
            String note = giveUp ? (permanent ? "送信先が受け付けないため、再試行しません"
                    : message.attempts() + "回試しても送信できなかったため、再試行を終了しました") : null;
            int updated = Jdbc.update(connection, """
                    UPDATE outbox_message SET state = ?, next_attempt_at = ?, last_error = ?, outcome_note = ?,
                        claimed_by = NULL, lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'SENDING' AND claimed_by = ?""",
                    giveUp ? "FAILED" : "PENDING", now.plus(policy.retryDelay(message.attempts())), truncate(error), note,
                    now, message.id(), instance.get());
            if (updated == 0) {
                return claims.lostClaim(message);
            }
            OutboxClaims.finishAttempt(connection, message, now, giveUp ? "GAVE_UP" : "RETRY", truncate(error));
            if (giveUp) {
                LOG.warn("Outbox message {} ({}) given up after {} attempts", message.id(), message.kind(),
                        message.attempts());
                if (kind != null) {
                    kind.gaveUp(message);
                }
                return SendOutcome.GAVE_UP;
            }
            return SendOutcome.RETRY;
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
