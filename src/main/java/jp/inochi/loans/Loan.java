package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.ReturnReason;

/**
 * 貸与: starts at the handover. Its dates are computed once, in Java, by {@code LoanTerm}, {@code EvacuationPlanDeadline}
 * and {@code YearlyCheckSchedule}, and stored so SQL work lists and views read them as they are.
 */
@MappedEntity("loan")
public record Loan(
        @Id @GeneratedValue @Nullable Long id,
        long loanApplicationId,
        long programApplicationId,
        long householdId,
        long deviceId,
        LoanState state,
        LocalDate startDate,
        LocalDate maxEndDate,
        LocalDate planDeadline,
        LocalDate nextCheckDue,
        @Nullable LocalDate planAppliedOn,
        @Nullable LocalDate planAcceptedOn,
        @Nullable LocalDate planCompletedOn,
        @Nullable ReturnReason returnReason,
        @Nullable String returnNote,
        @Nullable LocalDate returnOpenedOn,
        @Nullable LocalDate deviceReceivedOn,
        @Nullable DeviceCondition returnedDeviceCondition,
        @Nullable LocalDate endedOn,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public PlanStatus planStatus() {
        return PlanStatus.of(planAppliedOn, planAcceptedOn, planCompletedOn);
    }

    Loan withState(LoanState next, Instant now) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, next, startDate, maxEndDate,
                planDeadline, nextCheckDue, planAppliedOn, planAcceptedOn, planCompletedOn, returnReason, returnNote,
                returnOpenedOn, deviceReceivedOn, returnedDeviceCondition, endedOn, createdAt, now, version);
    }

    Loan withReturn(@Nullable ReturnReason reason, @Nullable String note, @Nullable LocalDate openedOn) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, state, startDate, maxEndDate,
                planDeadline, nextCheckDue, planAppliedOn, planAcceptedOn, planCompletedOn, reason, note,
                openedOn, deviceReceivedOn, returnedDeviceCondition, endedOn, createdAt, updatedAt, version);
    }

    Loan withDeviceReceived(LocalDate on, DeviceCondition condition) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, state, startDate, maxEndDate,
                planDeadline, nextCheckDue, planAppliedOn, planAcceptedOn, planCompletedOn, returnReason, returnNote,
                returnOpenedOn, on, condition, endedOn, createdAt, updatedAt, version);
    }

    Loan endedOn(LocalDate on) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, state, startDate, maxEndDate,
                planDeadline, nextCheckDue, planAppliedOn, planAcceptedOn, planCompletedOn, returnReason, returnNote,
                returnOpenedOn, deviceReceivedOn, returnedDeviceCondition, on, createdAt, updatedAt, version);
    }

    Loan withPlan(@Nullable LocalDate applied, @Nullable LocalDate accepted, @Nullable LocalDate completed, Instant now) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, state, startDate, maxEndDate,
                planDeadline, nextCheckDue, applied, accepted, completed, returnReason, returnNote,
                returnOpenedOn, deviceReceivedOn, returnedDeviceCondition, endedOn, createdAt, now, version);
    }

    Loan withDevice(long newDeviceId, Instant now) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, newDeviceId, state, startDate, maxEndDate,
                planDeadline, nextCheckDue, planAppliedOn, planAcceptedOn, planCompletedOn, returnReason, returnNote,
                returnOpenedOn, deviceReceivedOn, returnedDeviceCondition, endedOn, createdAt, now, version);
    }

    Loan withNextCheckDue(LocalDate due, Instant now) {
        return new Loan(id, loanApplicationId, programApplicationId, householdId, deviceId, state, startDate, maxEndDate,
                planDeadline, due, planAppliedOn, planAcceptedOn, planCompletedOn, returnReason, returnNote,
                returnOpenedOn, deviceReceivedOn, returnedDeviceCondition, endedOn, createdAt, now, version);
    }
}
