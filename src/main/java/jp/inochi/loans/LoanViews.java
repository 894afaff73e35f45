package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.ReturnReason;

/** How the API shows a loan: its dates, where the plan stands, the terms, and what may be done next. */
@Singleton
class LoanViews {
    private final Loans loans;
    private final TermsAcceptanceRepository terms;

    LoanViews(Loans loans, TermsAcceptanceRepository terms) {
        this.loans = loans;
        this.terms = terms;
    }

    @Serdeable
    record LoanView(long id, long loanApplicationId, long programApplicationId, long householdId, long deviceId,
                    LoanState state, String stateLabel, LocalDate startDate, LocalDate maxEndDate,
                    LocalDate planDeadline, PlanStatus planStatus, String planStatusLabel,
                    @Nullable LocalDate planAppliedOn, @Nullable LocalDate planAcceptedOn,
                    @Nullable LocalDate planCompletedOn, LocalDate nextCheckDue,
                    @Nullable ReturnReason returnReason, @Nullable String returnReasonLabel, @Nullable String returnNote,
                    @Nullable LocalDate returnOpenedOn, @Nullable LocalDate deviceReceivedOn,
                    @Nullable DeviceCondition returnedDeviceCondition, @Nullable LocalDate endedOn,
                    TermsAcceptanceState termsState, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedPlanSteps,
                    long version) {
    }

    LoanView loan(Loan l) {
        List<TermsAcceptance> all = terms.findByLoanIdOrderById(l.id());
        TermsAcceptanceState termsState = all.stream().anyMatch(t -> t.state() == TermsAcceptanceState.SENT)
                ? TermsAcceptanceState.SENT : TermsAcceptanceState.ACCEPTED;
        return new LoanView(l.id(), l.loanApplicationId(), l.programApplicationId(), l.householdId(), l.deviceId(),
                l.state(), l.state().label(), l.startDate(), l.maxEndDate(), l.planDeadline(), l.planStatus(),
                l.planStatus().label(), l.planAppliedOn(), l.planAcceptedOn(), l.planCompletedOn(), l.nextCheckDue(),
                l.returnReason(), l.returnReason() == null ? null : l.returnReason().label(), l.returnNote(),
                l.returnOpenedOn(), l.deviceReceivedOn(), l.returnedDeviceCondition(), l.endedOn(), termsState,
                loans.allowedActions(l), loans.allowedPlanSteps(l), l.version());
    }
}
