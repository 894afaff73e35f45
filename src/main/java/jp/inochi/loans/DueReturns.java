package jp.inochi.loans;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.EarlyEndPolicy;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns the program's rules open without a request: the 5-year end (seed 000, line 503), a move out of the
 * prefecture (line 562), weaning off the ventilator (line 563), and a failed yearly check.
 */
@Singleton
public class DueReturns {
    private static final Logger LOG = LoggerFactory.getLogger(DueReturns.class);

    private final Loans loans;
    private final LoanReturns returns;
    private final LoanRepository repository;
    private final HouseholdRepository households;
    private final Clock clock;

    DueReturns(Loans loans, LoanReturns returns, LoanRepository repository, HouseholdRepository households, Clock clock) {
        this.loans = loans;
        this.returns = returns;
        this.repository = repository;
        this.households = households;
        this.clock = clock;
    }

    /** What a sweep did: loans whose return it opened, and loans it could not handle (the rest still ran). */
    public record SweepReport(List<Long> opened, List<Long> failed) {
    }

    /** Opens the return for a reason found by a check or an event; does nothing if the loan is no longer running. */
    @Transactional
    public Optional<Loan> openReturnBecause(Actor actor, long id, ReturnReason reason, String note, LocalDate on) {
        Loan current = loans.get(id);
        if (current.state() != LoanState.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(returns.open(actor, current, reason, note, on));
    }

    /**
     * A household's facts changed: if its family moved out of the prefecture (line 562) or the child was weaned
     * off the ventilator (line 563), the running loan's return opens by itself.
     */
    @Transactional
    public Optional<Loan> applyHouseholdFacts(long householdId) {
        Household household = households.findById(householdId).orElseThrow(() -> new NotFoundException("世帯"));
        Optional<ReturnReason> reason = EarlyEndPolicy.fromHousehold(household.prefectureCode(), household.ventilatorDependent());
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        return repository.findCurrentOfHousehold(householdId)
                .flatMap(loan -> openReturnBecause(Actor.SYSTEM, loan.id(), reason.get(),
                        "世帯情報の変更により自動で開始", JapanTime.today(clock)));
    }

    /**
     * The daily sweep: opens the return of every running loan that reached its 5-year end (line 503), and of any
     * whose family moved out or was weaned and was missed by the event. Idempotent; one failure does not stop the rest.
     */
    public SweepReport openDueReturns() {
        LocalDate today = JapanTime.today(clock);
        List<Long> opened = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Loan loan : repository.findActiveWithTermReached(today)) {
            sweepOne(loan.id(), opened, failed, () -> openReturnBecause(Actor.SYSTEM, loan.id(), ReturnReason.TERM_ENDED,
                    "貸与期間の満了日（" + loan.maxEndDate() + "）に達したため自動で開始", today));
        }
        for (Loan loan : repository.findActiveWithHouseholdNoLongerEligible()) {
            sweepOne(loan.id(), opened, failed, () -> applyHouseholdFacts(loan.householdId()));
        }
        if (!opened.isEmpty() || !failed.isEmpty()) {
            LOG.info("Loan sweep opened {} returns, {} failed", opened.size(), failed.size());
        }
        return new SweepReport(opened, failed);
    }

    private static void sweepOne(long loanId, List<Long> opened, List<Long> failed, Supplier<Optional<Loan>> step) {
        try {
            step.get().ifPresent(loan -> opened.add(loan.id()));
        } catch (RuntimeException e) {
            LOG.warn("Loan sweep could not open the return of loan {}: {}", loanId, e.getClass().getSimpleName());
            failed.add(loanId);
        }
    }
}
