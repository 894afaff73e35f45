package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.EarlyEndPolicy;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.loans.StepInput.dateWithin;
import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * The return, from opening it to the end of the loan: the device received and inspected, or written off when the
 * family lost it. Returns the program's rules open by themselves are {@link DueReturns}.
 */
@Singleton
public class LoanReturns {
    private final Loans loans;
    private final LoanRepository repository;
    private final TermsAcceptanceRepository terms;
    private final Devices devices;
    private final HouseholdRepository households;
    private final LifecycleLog log;
    private final Clock clock;

    LoanReturns(Loans loans, LoanRepository repository, TermsAcceptanceRepository terms, Devices devices,
                HouseholdRepository households, LifecycleLog log, Clock clock) {
        this.loans = loans;
        this.repository = repository;
        this.terms = terms;
        this.devices = devices;
        this.households = households;
        this.log = log;
        this.clock = clock;
    }

    @Serdeable
    public record ReturnRequest(@NotNull ReturnReason reason, @Nullable @Size(max = 2000) String note,
                                @Nullable LocalDate openedOn, @Nullable Long version) {
    }

    @Serdeable
    public record Justification(@NotBlank @Size(max = 2000) String reason, @Nullable Long version) {
    }

    @Serdeable
    public record DeviceReceipt(@Nullable LocalDate receivedOn, @NotNull DeviceCondition condition,
                                @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    /** Where the device goes once the returned unit has been inspected. */
    public enum DeviceAfterReturn {
        AVAILABLE, IN_REPAIR, RETIRED
    }

    /** The end of a loan whose device the family lost. */
    @Serdeable
    public record LossEnding(@Nullable LocalDate endedOn, @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    @Serdeable
    public record ReturnInspection(@Nullable LocalDate inspectedOn, @NotNull DeviceAfterReturn deviceGoesTo,
                                   @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    @Transactional
    public Loan openReturn(Actor actor, long id, @Valid ReturnRequest request) {
        Loan current = loans.get(id);
        ExpectedVersion.check(request.version(), current.version());
        LIFECYCLE.next(current.state(), LoanAction.OPEN_RETURN);
        LocalDate on = dateWithin(clock, request.openedOn(), current.startDate(), "貸与開始日", "openedOn");
        if (request.reason() == ReturnReason.TERM_ENDED && !EarlyEndPolicy.termEndedBy(current.maxEndDate(), on)) {
            throw new ConflictException("貸与期間の満了日（" + JapaneseDates.withGregorian(current.maxEndDate())
                    + "）より前は、「" + ReturnReason.TERM_ENDED.label() + "」を理由に返還を始めることはできません");
        }
        return open(actor, current, request.reason(), request.note(), on);
    }

    /** Opens the return of a running loan; called inside the caller's transaction. */
    Loan open(Actor actor, Loan current, ReturnReason reason, @Nullable String note, LocalDate on) {
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.OPEN_RETURN);
        Loan saved = repository.update(current.withReturn(reason, blankToNull(note), on).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.OPEN_RETURN, on).states(current.state(), next)
                .reason(reason.label() + (note == null || note.isBlank() ? "" : "：" + note.strip())));
        return saved;
    }

    /** Takes back a return opened by mistake; never one for the end of the term, nor while its cause still holds. */
    @Transactional
    public Loan cancelReturn(Actor actor, long id, @Valid Justification justification) {
        Loan current = loans.get(id);
        ExpectedVersion.check(justification.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.CANCEL_RETURN);
        if (current.returnReason().isFinal()) {
            throw new IllegalTransitionException("貸与期間の満了による返還は取り消せません", current.state().name(),
                    loans.allowedActions(current));
        }
        Household household = households.findById(current.householdId()).orElseThrow();
        Optional<ReturnReason> stillHolds = EarlyEndPolicy.fromHousehold(household.prefectureCode(),
                household.ventilatorDependent());
        if (stillHolds.isPresent() && stillHolds.get() == current.returnReason()) {
            throw new ConflictException("世帯の情報が「" + stillHolds.get().label()
                    + "」のままです。取り消す前に世帯の情報を訂正してください");
        }
        Loan saved = repository.update(current.withReturn(null, null, null).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.CANCEL_RETURN, JapanTime.today(clock)).states(current.state(), next)
                .reason(justification.reason().strip()));
        return saved;
    }

    @Transactional
    public Loan receiveDevice(Actor actor, long id, @Valid DeviceReceipt receipt) {
        Loan current = loans.get(id);
        ExpectedVersion.check(receipt.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.RECEIVE_DEVICE);
        LocalDate on = dateWithin(clock, receipt.receivedOn(), current.startDate(), "貸与開始日", "receivedOn");
        devices.move(actor, current.deviceId(), DeviceAction.RECEIVE_RETURN, receipt.note(), on,
                current.householdId(), current.id());
        devices.recordCondition(current.deviceId(), receipt.condition());
        Loan saved = repository.update(current.withDeviceReceived(on, receipt.condition()).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.RECEIVE_DEVICE, on).states(current.state(), next)
                .reason(blankToNull(receipt.note())).detail("condition=" + receipt.condition()));
        return saved;
    }

    /** The returned unit is inspected: available again, to repair, or retired; the loan ends with its reason. */
    @Transactional
    public Loan completeReturn(Actor actor, long id, @Valid ReturnInspection inspection) {
        Loan current = loans.get(id);
        ExpectedVersion.check(inspection.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.COMPLETE_RETURN);
        LocalDate on = dateWithin(clock, inspection.inspectedOn(), current.deviceReceivedOn(), "装置の受領日", "inspectedOn");
        if (inspection.deviceGoesTo() == DeviceAfterReturn.AVAILABLE
                && current.returnedDeviceCondition() == DeviceCondition.DAMAGED) {
            throw new InvalidInputException("deviceGoesTo", "受領時に破損が記録された装置は、修理または廃棄にしてください");
        }
        DeviceAction deviceAction = switch (inspection.deviceGoesTo()) {
            case AVAILABLE -> DeviceAction.PASS_INSPECTION;
            case IN_REPAIR -> DeviceAction.SEND_TO_REPAIR;
            case RETIRED -> DeviceAction.RETIRE;
        };
        devices.move(actor, current.deviceId(), deviceAction, inspection.note(), on, current.householdId(), current.id());
        return end(actor, current, LoanAction.COMPLETE_RETURN, next, on, "device=" + inspection.deviceGoesTo());
    }

    /**
     * The family lost the unit (紛失, recorded as an incident first): the return can't receive it, so the loan ends
     * without it and the device is written off. Costs and liability stay with the incident (seed 000, line 538).
     */
    @Transactional
    public Loan endWithDeviceLost(Actor actor, long id, @Valid LossEnding ending) {
        Loan current = loans.get(id);
        ExpectedVersion.check(ending.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.END_WITH_DEVICE_LOST);
        Optional<LoanIncident> loss = loans.recordedLoss(id);
        if (loss.isEmpty()) {
            throw new ConflictException("装置の紛失が記録されていません。先に「紛失・破損の記録」で紛失を記録してください");
        }
        LocalDate on = dateWithin(clock, ending.endedOn(), loss.get().occurredOn(), "紛失日", "endedOn");
        devices.move(actor, current.deviceId(), DeviceAction.WRITE_OFF_LOST, blankToNull(ending.note()), on,
                current.householdId(), current.id());
        return end(actor, current, LoanAction.END_WITH_DEVICE_LOST, next, on, "incident=" + loss.get().id());
    }

    /** The loan ends on {@code on}; terms still waiting for the family's answer no longer apply. */
    private Loan end(Actor actor, Loan current, LoanAction action, LoanState next, LocalDate on, String detail) {
        terms.findByLoanIdAndState(current.id(), TermsAcceptanceState.SENT)
                .forEach(pending -> terms.update(pending.superseded(clock.instant())));
        Loan saved = repository.update(current.endedOn(on).withState(next, clock.instant()));
        log.record(actor, loanStep(current, action, on).states(current.state(), next)
                .reason(current.returnReason().label()).detail(detail));
        return saved;
    }

    private Step loanStep(Loan loan, LoanAction action, LocalDate on) {
        return Step.of(SubjectType.LOAN, loan.id(), action, on).household(loan.householdId()).loan(loan.id());
    }
}
