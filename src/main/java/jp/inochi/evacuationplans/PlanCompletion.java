package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import jp.inochi.access.Viewer;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.EvacuationPlanSteps;
import jp.inochi.loans.Loan;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.time.JapanTime;

/**
 * Completing the plan completes the loan's plan status (issue 14): the steps not yet recorded (applied, accepted,
 * completed) are recorded today, in order, through the loans feature's own {@link EvacuationPlanSteps}.
 */
@Singleton
class PlanCompletion {
    private final PlanStatusLinks statuses;
    private final EvacuationPlanSteps steps;
    private final Clock clock;

    PlanCompletion(PlanStatusLinks statuses, EvacuationPlanSteps steps, Clock clock) {
        this.statuses = statuses;
        this.steps = steps;
        this.clock = clock;
    }

    /** Called inside the save's transaction; a household without a running loan has no status to complete. */
    void completed(Viewer viewer, long householdId, int version) {
        Loan loan = statuses.runningLoan(householdId).orElse(null);
        if (loan == null || !LoanAction.LIFECYCLE.allows(loan.state(), LoanAction.RECORD_PLAN_STEP)) {
            return;
        }
        LocalDate today = JapanTime.today(clock);
        String note = "個別避難計画（第" + version + "版）の作成完了による記録";
        for (PlanStep step : PlanStep.values()) {
            PlanStatus status = statuses.runningLoan(householdId).map(Loan::planStatus).orElse(PlanStatus.COMPLETED);
            if (PlanStep.LIFECYCLE.allows(status, step)) {
                steps.recordPlanStep(Actor.of(viewer), loan.id(), new EvacuationPlanSteps.PlanStepRecord(step, today, note, null));
            }
        }
    }
}
