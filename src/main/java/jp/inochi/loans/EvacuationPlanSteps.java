package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * The evacuation plan (個別避難計画) of a running loan, tracked step by step to done, with the municipality the family
 * lives in now ({@link MunicipalPlanStatus} catches up a move the event missed before the step is recorded).
 */
@Singleton
public class EvacuationPlanSteps {
    private final Loans loans;
    private final LoanRepository repository;
    private final MunicipalPlanStatus planStatus;
    private final LifecycleLog log;
    private final Clock clock;

    EvacuationPlanSteps(Loans loans, LoanRepository repository, MunicipalPlanStatus planStatus, LifecycleLog log,
                        Clock clock) {
        this.loans = loans;
        this.repository = repository;
        this.planStatus = planStatus;
        this.log = log;
        this.clock = clock;
    }

    @Serdeable
    public record PlanStepRecord(@NotNull PlanStep step, @NotNull LocalDate on, @Nullable @Size(max = 2000) String note,
                                 @Nullable Long version) {
    }

    /** 個別避難計画: applied to the municipality, accepted, completed — in that order, each with its date. */
    @Transactional
    public Loan recordPlanStep(Actor actor, long id, @Valid PlanStepRecord record) {
        planStatus.followMove(loans.get(id).householdId());
        Loan current = loans.get(id);
        ExpectedVersion.check(record.version(), current.version());
        LIFECYCLE.next(current.state(), LoanAction.RECORD_PLAN_STEP);
        PlanStatus before = current.planStatus();
        PlanStatus after = PlanStep.LIFECYCLE.next(before, record.step());
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "on", record.on(), JapanTime.today(clock));
        Loan updated = switch (record.step()) {
            case APPLIED_TO_MUNICIPALITY -> current.withPlan(record.on(), null, null, clock.instant());
            case ACCEPTED_BY_MUNICIPALITY -> {
                Dates.notBefore(errors, "on", record.on(), current.planAppliedOn(), "作成申請日");
                yield current.withPlan(current.planAppliedOn(), record.on(), null, clock.instant());
            }
            case PLAN_COMPLETED -> {
                Dates.notBefore(errors, "on", record.on(), current.planAcceptedOn(), "受理日");
                yield current.withPlan(current.planAppliedOn(), current.planAcceptedOn(), record.on(), clock.instant());
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Loan saved = repository.update(updated);
        log.record(actor, new Step(SubjectType.LOAN, id, current.householdId(), id, record.step().apiName(),
                before.name(), after.name(), blankToNull(record.note()), null, record.on()));
        return saved;
    }
}
