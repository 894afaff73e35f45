package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.applications.model.Eligibility;
import jp.inochi.applications.model.IneligibilityReason;
import jp.inochi.applications.model.ProgramApplicationState;

/** A program application as the API shows it, with what the policy says and what may be done next. */
@Serdeable
record ProgramApplicationView(
        long id,
        long householdId,
        ProgramApplicationState state,
        String stateLabel,
        LocalDate receivedOn,
        @Nullable LocalDate plannedDischargeDate,
        @Nullable String subsidyExceptionReason,
        @Nullable String informationRequest,
        @Nullable LocalDate decidedOn,
        @Nullable String decisionReason,
        @Nullable EligibilityView eligibility,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<OverrideView> overrides,
        @Nullable String eligibilityAtDecision,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions,
        long version) {

    @Serdeable
    record EligibilityView(boolean eligible, List<ReasonView> reasons, boolean subsidyExceptionApplied,
                           @Nullable LocalDate subsidyListAsOf) {
        static EligibilityView of(Eligibility eligibility) {
            return new EligibilityView(eligibility.eligible(), eligibility.reasons().stream()
                    .map(r -> new ReasonView(r.reason(), r.reason().label(), r.detail(), r.reason().seedLine()))
                    .toList(), eligibility.subsidyExceptionApplied(), eligibility.subsidyList().asOf());
        }
    }

    @Serdeable
    record ReasonView(IneligibilityReason code, String label, String detail, int seedLine) {
    }

    @Serdeable
    record OverrideView(IneligibilityReason reason, String label, String justification, long overriddenBy) {
    }

    static ProgramApplicationView summary(ProgramApplication a, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions) {
        return new ProgramApplicationView(a.id(), a.householdId(), a.state(), a.state().label(), a.receivedOn(),
                a.plannedDischargeDate(), a.subsidyExceptionReason(), a.informationRequest(), a.decidedOn(), a.decisionReason(), null, List.of(),
                null, allowedActions, a.version());
    }

    static ProgramApplicationView detail(ProgramApplication a, Eligibility eligibility,
                                         List<EligibilityOverrideRecord> overrides, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions) {
        return new ProgramApplicationView(a.id(), a.householdId(), a.state(), a.state().label(), a.receivedOn(),
                a.plannedDischargeDate(), a.subsidyExceptionReason(), a.informationRequest(), a.decidedOn(), a.decisionReason(),
                EligibilityView.of(eligibility),
                overrides.stream().map(o -> new OverrideView(o.reasonCode(), o.reasonCode().label(), o.justification(),
                        o.overriddenBy())).toList(),
                a.eligibilityAtDecision(), allowedActions, a.version());
    }
}
