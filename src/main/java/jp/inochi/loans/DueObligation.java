package jp.inochi.loans;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import jp.inochi.loans.model.Obligation;

/**
 * Something a running loan needs by a date: the plan application, the yearly check, or the end of the term.
 * {@code daysUntilDue} is negative once overdue; the due day itself is not overdue.
 */
@Serdeable
public record DueObligation(long loanId, long householdId, Obligation obligation, String obligationLabel,
                            LocalDate dueOn, long daysUntilDue, boolean overdue) {
}
