package jp.inochi.reminders.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.lifecycle.Actor;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.reminders.model.Recipient;

/**
 * The outbox every feature writes its emails to. {@link #enqueue} joins the caller's transaction, so a message exists
 * exactly when the decision to send it committed; the same dedupe key is enqueued once, however many instances or
 * runs try. {@link OutboxDelivery} sends them.
 */
@Singleton
public class Outbox {
    private final OutboxRepository messages;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    Outbox(OutboxRepository messages, TransactionOperations<Connection> transactions, AuditLog auditLog, Clock clock) {
        this.messages = messages;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * A message to enqueue. {@code notBefore} is the earliest it may go out (a digest hour); {@code referenceId} is the
     * kind's own subject (a campaign...), {@code digestOn} the day of a daily digest.
     */
    public record NewMessage(String kind, String dedupeKey, Recipient recipient, @Nullable Long householdId,
                             @Nullable Long referenceId, @Nullable LocalDate digestOn, Instant notBefore) {
    }

    /** Enqueues the message unless its dedupe key already is; the id of the new message, or empty. */
    public Optional<Long> enqueue(NewMessage message) {
        return transactions.executeWrite(status -> insert(status.getConnection(), message, null));
    }

    public OutboxMessage get(long id) {
        return messages.findById(id).orElseThrow(() -> new NotFoundException("メール"));
    }

    public List<OutboxMessage> search(@Nullable MessageState state, @Nullable String kind, @Nullable Long householdId,
                                      int page, int size) {
        return search(state, null, kind, householdId, page, size);
    }

    public List<OutboxMessage> search(@Nullable MessageState state, @Nullable Backlog backlog, @Nullable String kind,
                                      @Nullable Long householdId, int page, int size) {
        return messages.search(state == null ? null : state.name(), backlog == null ? null : backlog.name(),
                clock.instant(), kind, householdId, size, (long) page * size);
    }

    public OutboxCounts counts() {
        Instant now = clock.instant();
        return transactions.executeRead(status -> new OutboxCounts(messages.countScheduled(now),
                messages.countSendingOrRetrying(now), messages.countByState()));
    }

    public List<OutboxAttempt> attempts(long id) {
        get(id);
        return messages.attempts(id);
    }

    /**
     * Sends a message again as a new message (the original keeps its history): one that was sent (the family says it
     * never arrived), given up, or cancelled. Its kind composes it again from the original's items at send time, so
     * what no longer applies is still left out.
     */
    public OutboxMessage resend(Actor actor, long id) {
        return transactions.executeWrite(status -> {
            OutboxMessage original = messages.findById(id).orElseThrow(() -> new NotFoundException("メール"));
            if (original.state() == MessageState.PENDING || original.state() == MessageState.SENDING) {
                throw new IllegalTransitionException("「" + original.state().label() + "」のメールは再送できません。"
                        + "送信が終わるまでお待ちください", original.state().name(), List.of());
            }
            long root = original.resendOf() == null ? original.id() : original.resendOf();
            Connection connection = status.getConnection();
            int earlier = countResends(connection, root);
            if (hasOpenResend(connection, root)) {
                throw new ConflictException("このメールの再送がすでに送信待ちです");
            }
            Instant now = clock.instant();
            NewMessage again = new NewMessage(original.kind(), "resend:" + root + ":" + (earlier + 1),
                    original.recipient(), original.householdId(), original.referenceId(), original.digestOn(), now);
            long newId = insert(connection, again, root)
                    .orElseThrow(() -> new ConflictException("他の方が先にこのメールを再送しました"));
            if (actor.isSystem()) {
                auditLog.system(AuditAction.CREATE, "/api/outbox/{id}/resend", "outbox_message", newId,
                        original.householdId(), "resend of " + root);
            } else {
                auditLog.changed(actor.viewer(), AuditAction.CREATE, "/api/outbox/{id}/resend", "outbox_message", newId,
                        original.householdId(), "resend of " + root);
            }
            return messages.findById(newId).orElseThrow();
        });
    }

    private Optional<Long> insert(Connection connection, NewMessage message, @Nullable Long resendOf) {
        Instant now = clock.instant();
        String sql = """
                INSERT INTO outbox_message (kind, dedupe_key, recipient, household_id, reference_id, digest_on, resend_of,
                                            state, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                RETURNING id""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, message.kind());
            insert.setString(2, message.dedupeKey());
            insert.setString(3, message.recipient().name());
            setLong(insert, 4, message.householdId());
            setLong(insert, 5, message.referenceId());
            if (message.digestOn() == null) {
                insert.setNull(6, Types.DATE);
            } else {
                insert.setObject(6, message.digestOn());
            }
            setLong(insert, 7, resendOf);
            insert.setTimestamp(8, Timestamp.from(message.notBefore()));
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, Timestamp.from(now));
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enqueue an outbox message of kind " + message.kind(), e);
        }
    }

    private static int countResends(Connection connection, long root) {
        return (int) Jdbc.queryLong(connection, "SELECT count(*) FROM outbox_message WHERE resend_of = ?", root);
    }

    private static boolean hasOpenResend(Connection connection, long root) {
        return Jdbc.queryLong(connection, "SELECT count(*) FROM outbox_message WHERE resend_of = ? "
                + "AND state IN ('PENDING', 'SENDING')", root) > 0;
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
