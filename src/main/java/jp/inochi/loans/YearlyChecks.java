package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.YearlyCheckSchedule;

import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/** The loan's side of a yearly check (seed 000, line 541): when the next one is due. */
@Singleton
public class YearlyChecks {
    private final Loans loans;
    private final LoanRepository repository;
    private final LifecycleLog log;
    private final Clock clock;

    YearlyChecks(Loans loans, LoanRepository repository, LifecycleLog log, Clock clock) {
        this.loans = loans;
        this.repository = repository;
        this.log = log;
        this.clock = clock;
    }

    /**
     * A yearly check was recorded on {@code checkedOn}: the next is due 12 months later (line 541). Called by the
     * inspections feature inside its transaction, after it verified the loan is running.
     */
    public Loan checkRecorded(Actor actor, long id, long inspectionId, LocalDate checkedOn) {
        Loan current = loans.get(id);
        LIFECYCLE.next(current.state(), LoanAction.RECORD_INSPECTION);
        LocalDate nextDue = YearlyCheckSchedule.nextDue(current.startDate(), checkedOn);
        Loan saved = nextDue.isAfter(current.nextCheckDue())
                ? repository.update(current.withNextCheckDue(nextDue, clock.instant())) : current;
        log.record(actor, new Step(SubjectType.LOAN, id, current.householdId(), id,
                LoanAction.RECORD_INSPECTION.apiName(), current.state().name(), current.state().name(), null,
                "inspection=" + inspectionId + " nextCheckDue=" + saved.nextCheckDue(), checkedOn));
        return saved;
    }

    /**
     * A check on {@code checkedOn} found a failed condition (damaged device, failed test run, unsafe fuel): the next
     * check is due on {@code due} if that is sooner, so the fix is seen on site. Inside the inspection's transaction.
     */
    public Loan nextCheckBroughtForward(Actor actor, long id, long inspectionId, LocalDate due, LocalDate checkedOn) {
        Loan current = loans.get(id);
        if (!due.isBefore(current.nextCheckDue())) {
            return current;
        }
        Loan saved = repository.update(current.withNextCheckDue(due, clock.instant()));
        log.record(actor, new Step(SubjectType.LOAN, id, current.householdId(), id, "bring-check-forward",
                current.state().name(), current.state().name(), "確認で要対応の項目が見つかったため",
                "inspection=" + inspectionId + " nextCheckDue=" + due, checkedOn));
        return saved;
    }
}
