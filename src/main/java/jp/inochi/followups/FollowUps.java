package jp.inochi.followups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.followups.model.FollowUpPolicy;
import jp.inochi.followups.model.FollowUpReason;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * Follow-up tasks on a lent generator: opened by a yearly check's failed condition or a family's test-run problem,
 * due {@code schedules/follow-ups.yml} days later, closed by staff with a note (audited).
 */
@Singleton
public class FollowUps {
    private final FollowUpRepository repository;
    private final FollowUpPolicy policy;
    private final LifecycleLog log;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    FollowUps(FollowUpRepository repository, FollowUpPolicy policy, LifecycleLog log, AuditLog auditLog,
              TransactionOperations<Connection> transactions, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.log = log;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Which loan and device a follow-up is about, and what it came from (a check or a family's test-run reply). */
    public record Subject(long loanId, long householdId, long deviceId, @Nullable Long inspectionId,
                          @Nullable Long testRunId) {
    }

    @Serdeable
    public record Done(@Nullable LocalDate on, @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    public FollowUp get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("要対応の項目"));
    }

    public List<FollowUp> open() {
        return repository.findOpen();
    }

    public List<FollowUp> ofLoan(long loanId) {
        return repository.findByLoanIdOrderByIdDesc(loanId);
    }

    public List<FollowUp> ofDevice(long deviceId) {
        return repository.findByDeviceIdOrderByIdDesc(deviceId);
    }

    /** Opens one for what was found on {@code foundOn}, if anything; runs inside the caller's transaction. */
    public Optional<FollowUp> open(Actor actor, Subject subject, List<FollowUpReason> reasons, LocalDate foundOn) {
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        FollowUp saved = repository.save(new FollowUp(null, subject.loanId(), subject.householdId(), subject.deviceId(),
                subject.inspectionId(), subject.testRunId(), FollowUp.reasonsText(reasons), foundOn,
                policy.dueOn(foundOn), clock.instant(), null, null, null, null, null));
        log.record(actor, new Step(SubjectType.LOAN, subject.loanId(), subject.householdId(), subject.loanId(),
                "open-follow-up", null, null, saved.reasonLabels(), "followUp=" + saved.id() + " dueOn=" + saved.dueOn(),
                foundOn));
        return Optional.of(saved);
    }

    /** The day the next yearly check falls due after a failed condition found on {@code foundOn}. */
    public LocalDate nextCheckAfterFailedCondition(LocalDate foundOn) {
        return policy.nextCheckAfterFailedCondition(foundOn);
    }

    /** Staff did what was needed: the note says what (repaired, fuel moved...). */
    public FollowUp markDone(Actor actor, long id, @Valid Done done) {
        return transactions.executeWrite(status -> {
            FollowUp current = get(id);
            ExpectedVersion.check(done.version(), current.version());
            if (!current.open()) {
                throw new IllegalTransitionException("この要対応の項目は対応済みです", "DONE", List.of());
            }
            LocalDate today = JapanTime.today(clock);
            LocalDate on = done.on() == null ? today : done.on();
            List<FieldError> errors = new ArrayList<>();
            Dates.notInFuture(errors, "on", on, today);
            Dates.notBefore(errors, "on", on, current.openedOn(), "要対応になった日");
            if (done.note() == null || done.note().isBlank()) {
                errors.add(new FieldError("note", "何をしたか（修理した、燃料の保管場所を直したなど）を記入してください"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            FollowUp saved = repository.update(current.done(on, actor.userId(), clock.instant(), done.note().strip()));
            log.record(actor, new Step(SubjectType.LOAN, saved.loanId(), saved.householdId(), saved.loanId(),
                    "follow-up-done", null, null, saved.doneNote(), "followUp=" + saved.id(), on));
            if (actor.viewer() != null) {
                auditLog.changed(actor.viewer(), AuditAction.TRANSITION, "/api/follow-ups/{id}/done", "follow_up",
                        saved.id(), saved.householdId(), "follow-up done");
            }
            return saved;
        });
    }
}
