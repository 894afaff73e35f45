package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.loans.model.IncidentKind;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.search.SearchQuery;

import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * Reading loans: one or a list, what may be done next, their terms, incidents and timeline. The steps live in
 * {@link LoanHandovers}, {@link LoanReturns}, {@link DueReturns}, {@link TermsAcceptances}, {@link LoanIncidents},
 * {@link EvacuationPlanSteps} and {@link YearlyChecks}.
 */
@Singleton
public class Loans {
    private final LoanRepository loans;
    private final TermsAcceptanceRepository terms;
    private final LoanIncidentRepository incidents;
    private final LifecycleEventRepository events;

    Loans(LoanRepository loans, TermsAcceptanceRepository terms, LoanIncidentRepository incidents,
          LifecycleEventRepository events) {
        this.loans = loans;
        this.terms = terms;
        this.incidents = incidents;
        this.events = events;
    }

    public Loan get(long id) {
        return loans.findById(id).orElseThrow(() -> new NotFoundException("貸与"));
    }

    /** The loans 「検索」 finds: by the loan's or household's number, or the family (see LoanRepository). */
    public List<Long> idsMatching(SearchQuery query) {
        return loans.findIdsMatchingSearch(query.text(), query.phoneDigits(), query.number());
    }

    public List<Loan> list(@Nullable LoanState state, @Nullable Long householdId) {
        if (householdId != null) {
            return loans.findByHouseholdIdOrderByIdDesc(householdId).stream()
                    .filter(l -> state == null || l.state() == state).toList();
        }
        return state == null ? loans.findAllOrderByIdDesc() : loans.findByStateOrderById(state);
    }

    public List<String> allowedActions(Loan loan) {
        List<String> allowed = new ArrayList<>(LIFECYCLE.allowedApiNames(loan.state()));
        if (loan.returnReason() != null && loan.returnReason().isFinal()) {
            allowed.remove(LoanAction.CANCEL_RETURN.apiName());
        }
        if (allowed.contains(LoanAction.END_WITH_DEVICE_LOST.apiName()) && recordedLoss(loan.id()).isEmpty()) {
            allowed.remove(LoanAction.END_WITH_DEVICE_LOST.apiName());
        }
        return allowed;
    }

    public List<String> allowedPlanSteps(Loan loan) {
        return LIFECYCLE.allows(loan.state(), LoanAction.RECORD_PLAN_STEP)
                ? PlanStep.LIFECYCLE.allowedApiNames(loan.planStatus()) : List.of();
    }

    public List<TermsAcceptance> termsAcceptances(long loanId) {
        get(loanId);
        return terms.findByLoanIdOrderById(loanId);
    }

    public List<LoanIncident> incidents(long loanId) {
        get(loanId);
        return incidents.findByLoanIdOrderByOccurredOn(loanId);
    }

    /** The loan's story from the program application to now, oldest first. */
    public List<LifecycleEvent> timeline(long loanId) {
        Loan loan = get(loanId);
        return events.findTimeline(loanId, loan.loanApplicationId(), loan.programApplicationId());
    }

    /** The latest loss (紛失) recorded for the loan, if any. */
    Optional<LoanIncident> recordedLoss(long loanId) {
        return incidents.findByLoanIdOrderByOccurredOn(loanId).stream()
                .filter(incident -> incident.kind() == IncidentKind.LOSS).reduce((first, later) -> later);
    }
}
