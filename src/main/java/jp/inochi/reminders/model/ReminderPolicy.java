package jp.inochi.reminders.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.inochi.loans.model.Obligation;

/**
 * When families and staff hear about each obligation of a loan, as written by the center in
 * {@code schedules/reminders.yml}. The obligations are the program's: the 個別避難計画 application within 6 months of
 * the start (seed 000, line 540), the yearly check (line 541) and the end of the 5-year term (line 503).
 *
 * <p>Catch-up: on a given day the reminder due is the <em>latest</em> rule whose day has come. A reminder missed while
 * every instance was down is therefore sent once, late, and reminders it superseded are not sent at all (a family never
 * gets "60 days left" and "30 days left" on the same morning).
 */
public record ReminderPolicy(List<ReminderRule> rules, LocalTime familyDigestAt, LocalTime staffDigestAt,
                             DeliveryRetries delivery, int linkValidDays, int sweepChunkSize) {

    public ReminderPolicy {
        rules = rules.stream().sorted(Comparator.comparing(ReminderRule::obligation)
                .thenComparing(ReminderRule::recipient).thenComparingInt(ReminderRule::offsetDays)).toList();
    }

    /** The reminder due on {@code today} for an obligation due on {@code dueOn}, if any rule's day has come. */
    public Optional<ReminderRule> dueOn(LocalDate today, Obligation obligation, Recipient recipient, LocalDate dueOn) {
        return rules.stream()
                .filter(r -> r.obligation() == obligation && r.recipient() == recipient)
                .filter(r -> !r.sendOn(dueOn).isAfter(today))
                .max(Comparator.comparingInt(ReminderRule::offsetDays));
    }

    /** The earliest any rule speaks before a due date, in days: obligations due later than this are not looked at. */
    public int longestLeadDays() {
        return Math.max(0, rules.stream().mapToInt(r -> -r.offsetDays()).max().orElse(0));
    }

    public List<ReminderRule> rulesFor(Obligation obligation, Recipient recipient) {
        return rules.stream().filter(r -> r.obligation() == obligation && r.recipient() == recipient).toList();
    }
}
