package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.util.Optional;
import jp.inochi.loans.Loan;
import jp.inochi.loans.Loans;
import jp.inochi.loans.model.LoanState;

/** The family's running loan, whose plan status (jp.inochi.loans) the plan follows. */
@Singleton
class PlanStatusLinks {
    private final Loans loans;

    PlanStatusLinks(Loans loans) {
        this.loans = loans;
    }

    Optional<Loan> runningLoan(long householdId) {
        return loans.list(null, householdId).stream().filter(loan -> loan.state() != LoanState.ENDED).findFirst();
    }

    PlanDocument.PlanStatusLink of(long householdId) {
        return runningLoan(householdId).map(loan -> new PlanDocument.PlanStatusLink(loan.id(), loan.planStatus().name(),
                loan.planStatus().label(), loan.planDeadline(), loan.planCompletedOn(),
                "/api/evacuation-plans/" + householdId)).orElse(null);
    }
}
