package jp.inochi.trainings;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.Jdbc;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The training emails ({@code mail/trainings/invitation|reminder.txt|html}) to the family's main contact, the child
 * greeted by first name only. Composed when sent, from the state then: a family that withdrew its consent or address,
 * or a session already held, is not emailed.
 */
@Singleton
class TrainingMail {
    private final TransactionOperations<Connection> transactions;
    private final MailTemplates templates;
    private final CenterContact center;
    private final Clock clock;

    TrainingMail(TransactionOperations<Connection> transactions, MailTemplates templates, CenterContact center, Clock clock) {
        this.transactions = transactions;
        this.templates = templates;
        this.center = center;
        this.clock = clock;
    }

    /** What one family's email says. */
    record Values(String childGivenName, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place,
                  String topic) {
    }

    /** The email as the family receives it. */
    record Letter(String subject, String text, String html) {
    }

    Letter letter(boolean reminder, Values values) {
        Map<String, Object> model = new HashMap<>();
        model.put("childName", values.childGivenName());
        model.put("heldOn", JapaneseDates.withGregorian(values.heldOn()));
        model.put("hours", values.startsAt() + "〜" + values.endsAt());
        model.put("place", values.place());
        model.put("topic", values.topic());
        model.put("center", center);
        MailTemplates.Rendered rendered = templates.render(reminder ? "trainings/reminder" : "trainings/invitation", model);
        String subject = "【" + center.name() + (reminder ? "・研修会のリマインド】" : "・研修会のご案内】")
                + JapaneseDates.withGregorian(values.heldOn()) + " 個別避難計画作成支援の研修会";
        return new Letter(subject, rendered.text(), rendered.html());
    }

    /** The email of the attendee {@code message.referenceId()}, or why nothing goes. */
    Composition<Void> compose(OutboxMessage message, boolean reminder) {
        Object[] facts = transactions.executeRead(status -> facts(status.getConnection(), message.referenceId()));
        if (facts == null) {
            return Composition.nothingToSend("研修会の招待が見つかりません", null);
        }
        Values values = (Values) facts[0];
        if (values.heldOn().isBefore(JapanTime.today(clock))) {
            return Composition.nothingToSend("研修会の開催日を過ぎました", null);
        }
        if (!(Boolean) facts[1]) {
            return Composition.nothingToSend("メール連絡の同意がありません", null);
        }
        if (facts[2] == null) {
            return Composition.nothingToSend("メールアドレスが登録されていません", null);
        }
        Letter letter = letter(reminder, values);
        return Composition.send(new ComposedEmail((String) facts[2], letter.subject(), letter.text(), letter.html()), null);
    }

    private static Object[] facts(Connection connection, Long attendeeId) throws SQLException {
        if (attendeeId == null) {
            return null;
        }
        try (PreparedStatement select = Jdbc.prepare(connection, """
                SELECT h.child_given_name, s.held_on, s.starts_at, s.ends_at, s.place, s.topic, h.email_contact_consent,
                       (SELECT btrim(g.email) FROM guardian g WHERE g.household_id = h.id AND g.email IS NOT NULL
                          AND btrim(g.email) <> '' ORDER BY g.position LIMIT 1)
                FROM training_attendee a JOIN training_session s ON s.id = a.session_id
                JOIN household h ON h.id = a.household_id WHERE a.id = ?""", attendeeId);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return new Object[] {new Values(row.getString(1), row.getObject(2, LocalDate.class),
                    row.getObject(3, LocalTime.class), row.getObject(4, LocalTime.class), row.getString(5),
                    row.getString(6)), row.getBoolean(7), row.getString(8)};
        }
    }
}
