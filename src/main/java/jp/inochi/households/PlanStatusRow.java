package jp.inochi.households;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDate;

/** The household's 個別避難計画 status from the view {@code household_evacuation_plan_status} (migration V15). */
@Introspected
public record PlanStatusRow(long householdId, long loanId, String planStatus, LocalDate planDeadline) {
}
