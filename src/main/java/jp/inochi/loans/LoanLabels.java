package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.LoanApplicationAction;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.timeline.TimelineLabels;

/** The words for loan applications, loans, their incidents, checks and terms in the timeline. */
@Singleton
final class LoanLabels implements TimelineLabels {
    @Override
    public List<Labelled> actions(SubjectType subject) {
        return switch (subject) {
            case LOAN_APPLICATION -> List.of(LoanApplicationAction.values());
            case LOAN, INCIDENT, INSPECTION, TERMS_ACCEPTANCE -> both(LoanAction.values(), PlanStep.values());
            default -> List.of();
        };
    }

    @Override
    public List<Labelled> states(SubjectType subject) {
        return switch (subject) {
            case LOAN_APPLICATION -> List.of(LoanApplicationState.values());
            case LOAN -> both(LoanState.values(), PlanStatus.values());
            case TERMS_ACCEPTANCE -> List.of(TermsAcceptanceState.values());
            default -> List.of();
        };
    }

    private static List<Labelled> both(Labelled[] first, Labelled[] second) {
        List<Labelled> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all;
    }
}
