package jp.inochi.reminders.model;

import java.time.LocalDate;
import jp.inochi.loans.model.Obligation;

/**
 * One line of the policy: tell {@code recipient} about {@code obligation} {@code offsetDays} from its due date
 * (negative: before it). Its id is stable and readable, e.g. {@code evacuation-plan/family/60-days-before}; with the
 * loan, the due date and the recipient it forms the reminder's unique key, so writing it twice writes it once.
 */
public record ReminderRule(Obligation obligation, Recipient recipient, int offsetDays) {

    public String id() {
        String when = offsetDays < 0 ? (-offsetDays) + "-days-before"
                : offsetDays == 0 ? "on-the-day" : offsetDays + "-days-after";
        return PolicyNames.of(obligation) + "/" + recipient.name().toLowerCase(java.util.Locale.ROOT) + "/" + when;
    }

    /** The day the policy says to tell them, for an obligation due on {@code dueOn}. */
    public LocalDate sendOn(LocalDate dueOn) {
        return dueOn.plusDays(offsetDays);
    }

    public boolean afterDue() {
        return offsetDays > 0;
    }
}
