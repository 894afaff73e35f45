package jp.inochi.loans;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;

/** A row of the {@code loan_obligation} view (migration V15). */
@Introspected
public record ObligationRow(long loanId, long householdId, String obligation, LocalDate dueOn) {
}
