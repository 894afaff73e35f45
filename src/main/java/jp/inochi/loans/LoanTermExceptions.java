package jp.inochi.loans;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Role;
import jp.inochi.applications.model.RuleOverride;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.FiveYearsPerChild;
import jp.inochi.loans.model.FiveYearsPerChild.EarlierLoan;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.LoanTerm;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * The child's five years (seed 000, line 503) across loans: what a new loan may run for, and the exception a center
 * admin may grant with a written reason (recorded in the application's timeline and the audit log).
 */
@Singleton
public class LoanTermExceptions {
    private final LoanTermExceptionRepository exceptions;
    private final LoanApplicationRepository applications;
    private final LoanRepository loans;
    private final LifecycleLog log;
    private final Clock clock;

    LoanTermExceptions(LoanTermExceptionRepository exceptions, LoanApplicationRepository applications,
                       LoanRepository loans, LifecycleLog log, Clock clock) {
        this.exceptions = exceptions;
        this.applications = applications;
        this.loans = loans;
        this.log = log;
        this.clock = clock;
    }

    @Serdeable
    public record TermExceptionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Transactional
    public LoanTermException record(Actor actor, long loanApplicationId, @Valid TermExceptionRequest command) {
        LoanApplication application = applications.findById(loanApplicationId)
                .orElseThrow(() -> new NotFoundException("貸与申請"));
        Role role = actor.isSystem() ? null : actor.viewer().role();
        RuleOverride.refusal(role, RuleOverride.Weight.HARD, command.reason()).ifPresent(refusal -> {
            throw new InvalidInputException("reason", refusal);
        });
        if (application.state() == LoanApplicationState.HANDED_OVER || application.state() == LoanApplicationState.REJECTED
                || application.state() == LoanApplicationState.WITHDRAWN) {
            throw new ConflictException("貸与申請（番号 " + application.id() + "）は「" + application.state().label()
                    + "」のため、貸与期間の例外は記録できません");
        }
        exceptions.findByLoanApplicationId(loanApplicationId).ifPresent(existing -> {
            throw new ConflictException("この貸与申請には既に貸与期間の例外が記録されています");
        });
        LoanTermException saved = exceptions.save(new LoanTermException(null, application.id(), application.householdId(),
                command.reason().strip(), actor.userId(), clock.instant()));
        log.record(actor, new Step(SubjectType.LOAN_APPLICATION, application.id(), application.householdId(), null,
                "record-term-exception", null, null, saved.reason(),
                "monthsUsedBefore=" + FiveYearsPerChild.monthsUsed(earlierLoans(application.householdId())),
                JapanTime.today(clock)));
        return saved;
    }

    /**
     * The last day of a loan the household starts on {@code start}: the child's remaining months, or a full term
     * where a center admin granted an exception. Refused with 409 when nothing remains.
     */
    LocalDate maximumEnd(LoanApplication application, LocalDate start) {
        if (exceptions.findByLoanApplicationId(application.id()).isPresent()) {
            return LoanTerm.maximumEnd(start);
        }
        List<EarlierLoan> earlier = earlierLoans(application.householdId());
        return FiveYearsPerChild.maximumEnd(start, earlier).orElseThrow(() -> new ConflictException(
                "この児童は既に通算" + FiveYearsPerChild.monthsUsed(earlier) + "か月の貸与を受けており、最長5年間の貸与期間が"
                        + "残っていません。貸与するにはセンター管理者が理由を添えて例外を記録してください"));
    }

    private List<EarlierLoan> earlierLoans(long householdId) {
        return loans.findByHouseholdIdOrderByIdDesc(householdId).stream().filter(loan -> loan.endedOn() != null)
                .map(loan -> new EarlierLoan(loan.startDate(), loan.endedOn())).toList();
    }
}
