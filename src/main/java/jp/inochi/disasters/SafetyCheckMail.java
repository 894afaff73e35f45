package jp.inochi.disasters;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.disasters.model.EventType;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The safety-check email ({@code mail/disasters/safety-check.txt|html}): to the family's main contact, the child greeted
 * by first name only, with the four one-click replies as signed links (subject: the family's {@code safety_check}).
 * Composed when it is sent, from the state then: an event closed meanwhile, or a family that already answered (by
 * phone, say), is not emailed; consent withdrawn or the address removed puts the family on the unreached list.
 */
@Singleton
class SafetyCheckMail implements MessageKind<SafetyCheckMail.Outcome> {
    static final String KIND = "safety-check";

    private final TransactionOperations<Connection> transactions;
    private final MailTemplates templates;
    private final SignedLinks links;
    private final CenterContact center;
    private final Clock clock;

    SafetyCheckMail(TransactionOperations<Connection> transactions, MailTemplates templates, SignedLinks links,
                    CenterContact center, Clock clock) {
        this.transactions = transactions;
        this.templates = templates;
        this.links = links;
        this.center = center;
        this.clock = clock;
    }

    /** What happened to the family's safety check: its new email state, and why when it was not sent. */
    record Outcome(String emailState, String reason) {
    }

    private record Facts(long checkId, String eventName, EventType eventType, boolean eventActive, boolean replied,
                         boolean consent, String email, String childGivenName, Instant replyDueAt, Instant linksExpireAt,
                         String message) {
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "安否確認";
    }

    @Override
    public Composition<Outcome> compose(OutboxMessage message) {
        Facts facts = transactions.executeRead(status -> facts(status.getConnection(), message.referenceId()));
        if (facts == null) {
            return Composition.nothingToSend("安否確認が見つかりません", new Outcome("CANCELLED", "安否確認が見つかりません"));
        }
        if (!facts.eventActive()) {
            return Composition.nothingToSend("災害対応が終了しました", new Outcome("CANCELLED", "災害対応が終了しました"));
        }
        if (facts.replied()) {
            return Composition.nothingToSend("送信前に安否を確認できました", new Outcome("CANCELLED", "送信前に安否を確認できました"));
        }
        if (!facts.consent()) {
            return Composition.nothingToSend("メール連絡の同意がありません", new Outcome("NOT_EMAILED", "メール連絡の同意がありません"));
        }
        if (facts.email() == null) {
            return Composition.nothingToSend("メールアドレスが登録されていません",
                    new Outcome("NOT_EMAILED", "メールアドレスが登録されていません"));
        }
        Letter letter = letter(new Values(facts.childGivenName(), facts.eventName(), facts.eventType(), facts.message(),
                facts.replyDueAt(), facts.linksExpireAt()), facts.checkId());
        return Composition.send(new ComposedEmail(facts.email(), letter.subject(), letter.text(), letter.html()),
                new Outcome("SENT", null));
    }

    /** What one family's email says, besides its links. */
    record Values(String childGivenName, String eventName, EventType eventType, String message, Instant replyDueAt,
                  Instant linksExpireAt) {
    }

    /** The email as the family receives it. */
    record Letter(String subject, String text, String html) {
    }

    /** The email for these values, its reply links signed for this safety check (the preview signs none that work). */
    Letter letter(Values values, long checkId) {
        Map<String, String> replyLinks = new HashMap<>();
        replyLinks.put("safe", links.url(SafetyLinks.SAFE, checkId, values.linksExpireAt()));
        replyLinks.put("evacuated", links.url(SafetyLinks.EVACUATED, checkId, values.linksExpireAt()));
        replyLinks.put("power", links.url(SafetyLinks.POWER, checkId, values.linksExpireAt()));
        replyLinks.put("help", links.url(SafetyLinks.HELP, checkId, values.linksExpireAt()));
        Map<String, Object> model = new HashMap<>();
        model.put("childName", values.childGivenName());
        model.put("eventName", values.eventName());
        model.put("eventType", values.eventType().label());
        model.put("message", values.message());
        model.put("links", replyLinks);
        model.put("replyBy", JapaneseDates.withGregorianAndTime(values.replyDueAt()));
        model.put("linksExpire", JapaneseDates.withGregorianAndTime(values.linksExpireAt()));
        model.put("center", center);
        MailTemplates.Rendered rendered = templates.render("disasters/safety-check", model);
        String subject = "【" + center.name() + "・安否確認】" + values.eventName() + "：ご家族の状況をお知らせください";
        return new Letter(subject, rendered.text(), rendered.html());
    }

    @Override
    public void sent(OutboxMessage message, Composition<Outcome> composition) {
        Instant now = clock.instant();
        Jdbc.update(transactions.getConnection(), "UPDATE safety_check SET email_state = 'SENT', sent_at = ?, "
                + "not_emailed_reason = NULL, message_id = ?, updated_at = ? WHERE id = ?", now, message.id(), now,
                message.referenceId());
    }

    @Override
    public void cancelled(OutboxMessage message, Composition<Outcome> composition) {
        Outcome outcome = composition.detail();
        Jdbc.update(transactions.getConnection(), "UPDATE safety_check SET email_state = ?, not_emailed_reason = ?, "
                + "updated_at = ? WHERE id = ? AND email_state <> 'SENT'", outcome.emailState(), outcome.reason(),
                clock.instant(), message.referenceId());
    }

    /** Given up after the outbox's retries (or refused for good): the family is to be called. */
    @Override
    public void gaveUp(OutboxMessage message) {
        Jdbc.update(transactions.getConnection(), "UPDATE safety_check SET email_state = 'FAILED', not_emailed_reason = ?, "
                + "updated_at = ? WHERE id = ? AND email_state <> 'SENT'", "メールを送信できませんでした", clock.instant(),
                message.referenceId());
    }

    private static Facts facts(Connection connection, Long checkId) throws SQLException {
        if (checkId == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.id, e.name, e.event_type, e.state = 'ACTIVE',
                       EXISTS (SELECT 1 FROM safety_contact c WHERE c.event_id = s.event_id AND c.household_id = s.household_id
                               AND c.reply IS NOT NULL),
                       h.email_contact_consent,
                       (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND g.email IS NOT NULL
                          AND btrim(g.email) <> '' ORDER BY g.position LIMIT 1),
                       h.child_given_name, s.reply_due_at, c.links_expire_at, c.message
                FROM safety_check s JOIN safety_check_campaign c ON c.id = s.campaign_id
                JOIN disaster_event e ON e.id = s.event_id JOIN household h ON h.id = s.household_id
                WHERE s.id = ?""")) {
            select.setLong(1, checkId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Facts(row.getLong(1), row.getString(2), EventType.valueOf(row.getString(3)), row.getBoolean(4),
                        row.getBoolean(5), row.getBoolean(6), row.getString(7), row.getString(8),
                        row.getTimestamp(9).toInstant(), row.getTimestamp(10).toInstant(), row.getString(11));
            }
        }
    }
}
