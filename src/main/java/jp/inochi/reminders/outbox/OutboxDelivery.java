package jp.inochi.reminders.outbox;

import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.inochi.reminders.model.DeliveryRetries;
import jp.inochi.reminders.model.ReminderPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over SMTP (Micronaut Email), on any number of instances at once.
 *
 * <ul>
 *   <li><b>Claim</b>: one transaction picks ready messages {@code FOR UPDATE SKIP LOCKED}, marks them SENDING under
 *   this instance's name with a lease, counts the attempt and lets the kind bind its items. Two instances never hold
 *   the same message.</li>
 *   <li><b>Send</b>: the kind composes the email from the current state (nothing left → CANCELLED), then SMTP.</li>
 *   <li><b>Record</b>: SENT with the time, address and text as sent; or back to PENDING after a growing wait, with the
 *   error; or FAILED after the last attempt (or an address the server refuses for good), and the center is told.</li>
 *   <li><b>An instance that dies mid-send</b> leaves its message SENDING; when the lease runs out, another instance
 *   takes it over and sends it (marked {@code redelivered}). SMTP has no two-phase commit: if the death fell in the
 *   moment between the server's acceptance and the commit of SENT, that family gets the email twice. We choose that
 *   over losing a deadline reminder; README explains it.</li>
 * </ul>
 */
@Singleton
public class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Duration RUN_BUDGET = Duration.ofMinutes(4);

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository messages;
    private final Map<String, MessageKind<?>> kinds = new HashMap<>();
    private final EmailSender<?, ?> sender;
    private final MailSettings mail;
    private final DeliveryRetries policy;
    private final InstanceName instance;
    private final Clock clock;

    OutboxDelivery(TransactionOperations<Connection> transactions, OutboxRepository messages, List<MessageKind<?>> kinds,
                   EmailSender<?, ?> sender, MailSettings mail, ReminderPolicy policy, InstanceName instance, Clock clock) {
        this.transactions = transactions;
        this.messages = messages;
        kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
        this.sender = sender;
        this.mail = mail;
        this.policy = policy.delivery();
        this.instance = instance;
        this.clock = clock;
    }

    /** What one run did. Failures to send are counted, not thrown: the rest of the batch still goes out. */
    @io.micronaut.serde.annotation.Serdeable
    public record DeliveryReport(int claimed, int sent, int retrying, int gaveUp, int cancelled, int takenOver) {
        DeliveryReport plus(DeliveryReport other) {
            return new DeliveryReport(claimed + other.claimed, sent + other.sent, retrying + other.retrying,
                    gaveUp + other.gaveUp, cancelled + other.cancelled, takenOver + other.takenOver);
        }
    }

    /** Sends everything that is ready now, batch after batch, until nothing is ready (or the run's time is up). */
    public DeliveryReport deliverReady() {
        DeliveryReport total = new DeliveryReport(0, 0, 0, 0, 0, 0);
        long started = System.nanoTime();
        while (System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            DeliveryReport batch = deliverOneBatch();
            total = total.plus(batch);
            if (batch.claimed() == 0) {
                break;
            }
        }
        if (total.retrying() > 0 || total.gaveUp() > 0) {
            LOG.warn("Outbox delivery on {}: {} claimed, {} sent, {} waiting to retry, {} gave up, {} cancelled, {} taken over",
                    instance.get(), total.claimed(), total.sent(), total.retrying(), total.gaveUp(), total.cancelled(),
                    total.takenOver());
        } else if (total.claimed() > 0) {
            LOG.info("Outbox delivery on {}: {} claimed, {} sent, {} retrying, {} gave up, {} cancelled, {} taken over",
                    instance.get(), total.claimed(), total.sent(), total.retrying(), total.gaveUp(), total.cancelled(),
                    total.takenOver());
        }
        return total;
    }

    /** Claims one batch and sends it. */
    public DeliveryReport deliverOneBatch() {
        Claimed claimed = claim();
        int sent = 0;
        int retrying = 0;
        int gaveUp = 0;
        int cancelled = 0;
        List<OutboxMessage> batch = claimed.messages();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            switch (process(message)) {
                case SENT -> sent++;
                case RETRY -> retrying++;
                case GAVE_UP -> gaveUp++;
                case CANCELLED -> cancelled++;
                case LOST_CLAIM -> { }
                case UNREACHABLE -> {
                    // The server can't be reached: the rest of the batch fails the same way without trying, so every
                    // message counts the attempt alike (none is given up earlier than another) and none waits on a timeout.
                    retrying++;
                    String error = lastErrorOf(message);
                    for (OutboxMessage rest : batch.subList(i + 1, batch.size())) {
                        Outcome outcome = fail(rest, kinds.get(rest.kind()),
                                "メールサーバーに接続できないため送信を見送りました（" + error + "）", false);
                        if (outcome == Outcome.GAVE_UP) {
                            gaveUp++;
                        } else if (outcome != Outcome.LOST_CLAIM) {
                            retrying++;
                        }
                    }
                    i = batch.size();
                }
            }
        }
        return new DeliveryReport(batch.size(), sent, retrying, gaveUp, cancelled, claimed.takenOver());
    }

    enum Outcome { SENT, RETRY, UNREACHABLE, GAVE_UP, CANCELLED, LOST_CLAIM }

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
                MessageKind<?> kind = kinds.get(message.kind());
                if (kind != null) {
                    kind.claimed(message);
                }
                claimed.add(message);
            }
            return new Claimed(claimed, takenOver.size());
        });
    }

    private Outcome process(OutboxMessage message) {
        MessageKind<?> kind = kinds.get(message.kind());
        if (kind == null) {
            return fail(message, null, "このサービスはメールの種類「" + message.kind() + "」を扱えません", true);
        }
        return processWith(kind, message);
    }

    private <D> Outcome processWith(MessageKind<D> kind, OutboxMessage message) {
        Composition<D> composition;
        try {
            composition = kind.compose(message);
        } catch (RuntimeException e) {
            LOG.warn("Outbox message {} ({}) could not be composed: {}", message.id(), message.kind(),
                    e.getClass().getSimpleName());
            return fail(message, kind, "メールを作成できませんでした（" + e.getClass().getSimpleName() + "）", false);
        }
        if (composition.cancelled()) {
            return finishCancelled(message, kind, composition);
        }
        if (!renewLease(message)) {
            return lostClaim(message);
        }
        try {
            send(message, composition.email());
        } catch (RuntimeException e) {
            boolean permanent = refusedForGood(e);
            LOG.debug("Outbox message {} ({}) attempt {} failed{}: {}", message.id(), message.kind(), message.attempts(),
                    permanent ? " for good" : "", rootCause(e).getClass().getSimpleName());
            Outcome outcome = fail(message, kind, describe(e), permanent);
            return outcome == Outcome.RETRY && unreachable(e) ? Outcome.UNREACHABLE : outcome;
        }
        return finishSent(message, kind, composition);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(OutboxMessage message, ComposedEmail email) {
        Email.Builder builder = Email.builder()
                .from(new Contact(mail.from(), mail.fromName()))
                .replyTo(mail.replyTo())
                .to(email.to())
                .subject(email.subject())
                .body(new MultipartBody(email.html(), email.text()));
        Consumer<Message> headers = mime -> {
            try {
                // Traceable in the mail server's logs; the same on every attempt of this message.
                mime.setHeader("X-Inochi-Outbox-Id", String.valueOf(message.id()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
        ((EmailSender) sender).send(builder, (Consumer) headers);
    }

    /**
     * Just before SMTP: this instance still holds the message, and holds it for a full lease from now. A slow batch
     * (an SMTP server that times out) never sends a message whose lease ran out and another instance took over.
     */
    private boolean renewLease(OutboxMessage message) {
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            return Jdbc.update(status.getConnection(), "UPDATE outbox_message SET lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", now.plus(policy.lease()), now, message.id(),
                    instance.get()) == 1;
        });
    }

    private String lastErrorOf(OutboxMessage message) {
        return messages.findById(message.id()).map(OutboxMessage::lastError).orElse("");
    }

    /** The server could not be reached at all (refused, timed out, unknown host), as opposed to refusing one email. */
    static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.UnknownHostException || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private <D> Outcome finishSent(OutboxMessage message, MessageKind<D> kind, Composition<D> composition) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            ComposedEmail email = composition.email();
            int updated = Jdbc.update(connection, """
                    UPDATE outbox_message SET state = 'SENT', sent_at = ?, sent_to = ?, subject = ?, body_text = ?,
                        body_html = ?, claimed_by = NULL, lease_until = NULL, outcome_note = NULL, updated_at = ?
                    WHERE id = ? AND state = 'SENDING' AND claimed_by = ?""",
                    now, email.to(), email.subject(), email.text(), email.html(), now, message.id(), instance.get());
            if (updated == 0) {
                return lostClaim(message);
            }
            finishAttempt(connection, message, now, "SENT", null);
            kind.sent(message, composition);
            return Outcome.SENT;
        });
    }

    private <D> Outcome finishCancelled(OutboxMessage message, MessageKind<D> kind, Composition<D> composition) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            int updated = Jdbc.update(connection, """
                    UPDATE outbox_message SET state = 'CANCELLED', outcome_note = ?, claimed_by = NULL,
                        lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'SENDING' AND claimed_by = ?""",
                    composition.cancelReason(), now, message.id(), instance.get());
            if (updated == 0) {
                return lostClaim(message);
            }
            finishAttempt(connection, message, now, "CANCELLED", composition.cancelReason());
            kind.cancelled(message, composition);
            return Outcome.CANCELLED;
        });
    }

    private Outcome fail(OutboxMessage message, MessageKind<?> kind, String error, boolean permanent) {
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
                return lostClaim(message);
            }
            finishAttempt(connection, message, now, giveUp ? "GAVE_UP" : "RETRY", truncate(error));
            if (giveUp) {
                LOG.warn("Outbox message {} ({}) given up after {} attempts", message.id(), message.kind(),
                        message.attempts());
                if (kind != null) {
                    kind.gaveUp(message);
                }
                return Outcome.GAVE_UP;
            }
            return Outcome.RETRY;
        });
    }

    private Outcome lostClaim(OutboxMessage message) {
        LOG.warn("Outbox message {} was taken over by another instance while {} was sending it (lease {} exceeded)",
                message.id(), instance.get(), policy.lease());
        return Outcome.LOST_CLAIM;
    }

    private static void finishAttempt(Connection connection, OutboxMessage message, Instant now, String outcome,
                                      String error) {
        Jdbc.update(connection, "UPDATE outbox_attempt SET finished_at = ?, outcome = ?, error = ? "
                + "WHERE message_id = ? AND attempt = ?", now, outcome, error, message.id(), message.attempts());
    }

    /** An address the server refuses (5xx for the recipient) or that is not an address at all: retrying won't help. */
    static boolean refusedForGood(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0
                    && (failed.getValidSentAddresses() == null || failed.getValidSentAddresses().length == 0)) {
                return true;
            }
        }
        return false;
    }

    /** The error for staff: its kind and message, with any email address in it masked. */
    static String describe(Throwable error) {
        Throwable root = rootCause(error);
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": "
                + message.replaceAll("[^\\s<>()\"',;:]+@[^\\s<>()\"',;:]+", "<アドレス>"));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
