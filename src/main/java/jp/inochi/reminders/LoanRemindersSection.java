package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.reminders.outbox.MessageState;
import jp.inochi.reminders.outbox.Outbox;
import jp.inochi.reminders.outbox.OutboxMessage;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The loan page's reminders, each with the email that carried it and whether that email can be sent again. */
@Singleton
final class LoanRemindersSection implements PageSection {
    private final ReminderRepository reminders;
    private final Outbox outbox;

    LoanRemindersSection(ReminderRepository reminders, Outbox outbox) {
        this.reminders = reminders;
        this.outbox = outbox;
    }

    /** A reminder of the loan with the email that carried it (if any) and whether that email can be sent again. */
    record ReminderRow(Reminder reminder, String when, @Nullable OutboxMessage message, @Nullable OutboxMessage resent,
                       boolean resendable) {
        /** The email that last carried it: the newest resend if there is one. */
        @Nullable
        public OutboxMessage latest() {
            return resent != null ? resent : message;
        }
    }

    @Override
    public String page() {
        return LOAN_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long loanId, Form form) {
        Map<Long, OutboxMessage> messages = new HashMap<>();
        model.put("reminders", reminders.findByLoan(loanId).stream().map(r -> {
            OutboxMessage message = r.messageId() == null ? null
                    : messages.computeIfAbsent(r.messageId(), outbox::get);
            int days = r.offsetDays();
            String when = days < 0 ? "期限の" + (-days) + "日前" : days == 0 ? "期限の当日" : "期限の" + days + "日後";
            OutboxMessage resent = message == null ? null : latestResend(message);
            OutboxMessage latest = resent != null ? resent : message;
            return new ReminderRow(r, when, message, resent, latest != null && latest.state() != MessageState.PENDING
                    && latest.state() != MessageState.SENDING);
        }).toList());
    }

    /** A message sent again (from the outbox or this page) is followed to its newest resend. */
    @Nullable
    private OutboxMessage latestResend(OutboxMessage message) {
        if (message.householdId() == null) {
            return null;
        }
        long root = message.resendOf() == null ? message.id() : message.resendOf();
        return outbox.search(null, message.kind(), message.householdId(), 0, 200).stream()
                .filter(m -> m.resendOf() != null && m.resendOf() == root)
                .max(Comparator.comparing(OutboxMessage::id)).orElse(null);
    }
}
