package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.loans.model.Obligation;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderState;

/**
 * One reminder of the sheet: a policy rule reached for a loan's obligation due on a date, for the family or the staff.
 * Unique by (loan, obligation, rule, due date, recipient).
 */
@Serdeable
@MappedEntity("reminder")
public record Reminder(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        long householdId,
        Obligation obligation,
        String ruleId,
        LocalDate dueOn,
        Recipient recipient,
        int offsetDays,
        LocalDate sendOn,
        LocalDate sweptOn,
        ReminderState state,
        @Nullable NotSentBecause notSentBecause,
        @Nullable Long messageId,
        @Nullable Long staffDigestId,
        Instant createdAt,
        Instant updatedAt) {
}
