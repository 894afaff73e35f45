package jp.inochi.reminders.outbox;

import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending one claimed message: the kind composes the email from the current state (nothing left → CANCELLED), then
 * SMTP; SENT is recorded with the time, address and text as sent. A failure goes to {@link OutboxRetries}.
 */
@Singleton
class OutboxSending {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSending.class);

    private final TransactionOperations<Connection> transactions;
    private final MessageKinds kinds;
    private final OutboxClaims claims;
    private final OutboxRetries retries;
    private final EmailSender<?, ?> sender;
    private final MailSettings mail;
    private final InstanceName instance;
    private final Clock clock;

    OutboxSending(TransactionOperations<Connection> transactions, MessageKinds kinds, OutboxClaims claims,
                  OutboxRetries retries, EmailSender<?, ?> sender, MailSettings mail, InstanceName instance, Clock clock) {
        this.transactions = transactions;
        this.kinds = kinds;
        this.claims = claims;
        this.retries = retries;
        this.sender = sender;
        this.mail = mail;
        this.instance = instance;
        this.clock = clock;
    }

    SendOutcome process(OutboxMessage message) {
        MessageKind<?> kind = kinds.of(message);
        if (kind == null) {
            return retries.fail(message, null, "このサービスはメールの種類「" + message.kind() + "」を扱えません", true);
        }
        return processWith(kind, message);
    }

    private <D> SendOutcome processWith(MessageKind<D> kind, OutboxMessage message) {
        Composition<D> composition;
        try {
            composition = kind.compose(message);
        } catch (RuntimeException e) {
            LOG.warn("Outbox message {} ({}) could not be composed: {}", message.id(), message.kind(),
                    e.getClass().getSimpleName());
            return retries.fail(message, kind, "メールを作成できませんでした（" + e.getClass().getSimpleName() + "）", false);
        }
        if (composition.cancelled()) {
            return finishCancelled(message, kind, composition);
        }
        if (!claims.startSmtp(message)) {
            return claims.lostClaim(message);
        }
        try {
            send(message, composition.email());
        } catch (RuntimeException e) {
            boolean permanent = SmtpFailures.refusedForGood(e);
            LOG.debug("Outbox message {} ({}) attempt {} failed{}: {}", message.id(), message.kind(), message.attempts(),
                    permanent ? " for good" : "", SmtpFailures.rootCause(e).getClass().getSimpleName());
            SendOutcome outcome = retries.fail(message, kind, SmtpFailures.describe(e), permanent);
            return outcome == SendOutcome.RETRY && SmtpFailures.unreachable(e) ? SendOutcome.UNREACHABLE : outcome;
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

    private <D> SendOutcome finishSent(OutboxMessage message, MessageKind<D> kind, Composition<D> composition) {
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
                return claims.lostClaim(message);
            }
            OutboxClaims.finishAttempt(connection, message, now, "SENT", null);
            kind.sent(message, composition);
            return SendOutcome.SENT;
        });
    }

    private <D> SendOutcome finishCancelled(OutboxMessage message, MessageKind<D> kind, Composition<D> composition) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            int updated = Jdbc.update(connection, """
                    UPDATE outbox_message SET state = 'CANCELLED', outcome_note = ?, claimed_by = NULL,
                        lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'SENDING' AND claimed_by = ?""",
                    composition.cancelReason(), now, message.id(), instance.get());
            if (updated == 0) {
                return claims.lostClaim(message);
            }
            OutboxClaims.finishAttempt(connection, message, now, "CANCELLED", composition.cancelReason());
            kind.cancelled(message, composition);
            return SendOutcome.CANCELLED;
        });
    }
}
