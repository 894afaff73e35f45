package jp.inochi.reminders;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import jp.inochi.reminders.outbox.Jdbc;

/** What a digest's delivery does to the reminders it carries: the same for the family's and the staff's digests. */
final class ReminderRows {

    private ReminderRows() {
    }

    /** The reminders that went out in the email are SENT. */
    static void markSent(Connection connection, Collection<Long> reminderIds, Instant now) {
        if (!reminderIds.isEmpty()) {
            Jdbc.update(connection, "UPDATE reminder SET state = 'SENT', not_sent_because = NULL, updated_at = ? "
                    + "WHERE id = ANY(?)", now, Jdbc.bigints(connection, reminderIds));
        }
    }

    /** The email was given up: its reminders still pending are FAILED, and the staff digest lists the message. */
    static void markDeliveryFailed(Connection connection, long messageId, Instant now) {
        Jdbc.update(connection, """
                UPDATE reminder SET state = 'FAILED', not_sent_because = 'DELIVERY_FAILED', updated_at = ?
                WHERE message_id = ? AND state = 'PENDING'""", now, messageId);
    }
}
