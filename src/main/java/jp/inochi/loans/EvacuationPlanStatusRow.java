package jp.inochi.loans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** A row of {@code household_evacuation_plan_status} with the household it belongs to and the viewer's basis. */
@Introspected
public record EvacuationPlanStatusRow(long householdId, long loanId, LocalDate loanStart, LocalDate planDeadline,
                                      String planStatus, @Nullable LocalDate appliedOn, @Nullable LocalDate acceptedOn,
                                      @Nullable LocalDate completedOn, String childFamilyName, String childGivenName,
                                      String address, @Nullable String municipalityCode, @Nullable String wardCode,
                                      String basis) {
}
