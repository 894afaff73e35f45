package jp.inochi.loans;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.EarlyEndPolicy;
import jp.inochi.loans.model.EvacuationPlanDeadline;
import jp.inochi.loans.model.IncidentKind;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.LoanTerm;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.loans.model.YearlyCheckSchedule;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * The loan from the handover to the return: the evacuation plan tracked to done, yearly checks, incidents,
 * the terms the family accepted, and the early ends of the program's rules (seed 000, lines 503, 538-541, 562-563).
 */
@Singleton
public class Loans {
    private static final Logger LOG = LoggerFactory.getLogger(Loans.class);

    private final LoanRepository loans;
    private final TermsAcceptanceRepository terms;
    private final LoanIncidentRepository incidents;
    private final Devices devices;
    private final HouseholdRepository households;
    private final LifecycleLog log;
    private final LifecycleEventRepository events;
    private final ApplicationEventPublisher<TermsRequestedByEmail> termsRequests;
    private final Clock clock;

    Loans(LoanRepository loans, TermsAcceptanceRepository terms, LoanIncidentRepository incidents, Devices devices,
          HouseholdRepository households, LifecycleLog log, LifecycleEventRepository events,
          ApplicationEventPublisher<TermsRequestedByEmail> termsRequests, Clock clock) {
        this.loans = loans;
        this.terms = terms;
        this.incidents = incidents;
        this.devices = devices;
        this.households = households;
        this.log = log;
        this.events = events;
        this.termsRequests = termsRequests;
        this.clock = clock;
    }

    /** The family's acceptance of the two terms of line 538; both must be accepted. */
    @Serdeable
    public record TermsAccepted(
            @NotNull @AssertTrue(message = "保守管理費用（電気料金・燃料費等）のご負担への同意が必要です") Boolean runningCostsAccepted,
            @NotNull @AssertTrue(message = "紛失・破損時の修理費用等のご負担への同意が必要です") Boolean repairLiabilityAccepted,
            @NotBlank @Size(max = 100) String acceptedByName) {
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

    @Serdeable
    public record PlanStepRecord(@NotNull PlanStep step, @NotNull LocalDate on, @Nullable @Size(max = 2000) String note,
                                 @Nullable Long version) {
    }

    @Serdeable
    public record NewIncident(@NotNull LocalDate occurredOn, @NotNull IncidentKind kind,
                              @NotBlank @Size(max = 2000) String description,
                              @Nullable @Min(0) @Max(10_000_000) Integer repairCostYen,
                              @NotNull Boolean familyLiable, @Nullable @Size(max = 2000) String liabilityNote) {
    }

    @Serdeable
    public record TermsResend(@NotNull TermsChannel channel, @Nullable @Size(max = 254) String sentTo,
                              @Nullable LocalDate sentOn) {
    }

    @Serdeable
    public record TermsAcceptedLater(@NotNull @Valid TermsAccepted terms, @Nullable LocalDate acceptedOn,
                                     @Nullable Long version) {
    }

    /** What a sweep did: loans whose return it opened, and loans it could not handle (the rest still ran). */
    public record SweepReport(List<Long> opened, List<Long> failed) {
    }

    public Loan get(long id) {
        return loans.findById(id).orElseThrow(() -> new NotFoundException("貸与"));
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

    /** Starts the loan at the handover; called by {@link LoanApplications#handOver} inside its transaction. */
    Loan start(Actor actor, LoanApplication application, LocalDate start, TermsAccepted accepted) {
        Instant now = clock.instant();
        Loan loan = loans.save(new Loan(null, application.id(), application.programApplicationId(),
                application.householdId(), application.deviceId(), LoanState.ACTIVE, start,
                LoanTerm.maximumEnd(start), EvacuationPlanDeadline.of(start), YearlyCheckSchedule.nextDue(start, null),
                null, null, null, null, null, null, null, null, null, now, now, null));
        log.record(actor, new Step(SubjectType.LOAN, loan.id(), loan.householdId(), loan.id(), "start", null,
                LoanState.ACTIVE.name(), null, "maxEndDate=" + loan.maxEndDate() + " planDeadline=" + loan.planDeadline()
                + " nextCheckDue=" + loan.nextCheckDue(), start));
        TermsAcceptance acceptance = terms.save(new TermsAcceptance(null, loan.id(), TermsOfLoan.VERSION,
                TermsChannel.IN_PERSON, TermsAcceptanceState.ACCEPTED, start, null, actor.userId(), start,
                accepted.acceptedByName().strip(), true, true, now, now, null));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, acceptance.id(), loan.householdId(), loan.id(),
                "accept", null, TermsAcceptanceState.ACCEPTED.name(), null, "terms " + TermsOfLoan.VERSION, start));
        return loan;
    }

    @Transactional
    public Loan openReturn(Actor actor, long id, @Valid ReturnRequest request) {
        Loan current = get(id);
        ExpectedVersion.check(request.version(), current.version());
        LIFECYCLE.next(current.state(), LoanAction.OPEN_RETURN);
        LocalDate on = dateWithin(request.openedOn(), current.startDate(), "貸与開始日", "openedOn");
        return open(actor, current, request.reason(), request.note(), on);
    }

    private Loan open(Actor actor, Loan current, ReturnReason reason, @Nullable String note, LocalDate on) {
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.OPEN_RETURN);
        Loan saved = loans.update(current.withReturn(reason, blankToNull(note), on).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.OPEN_RETURN, on).states(current.state(), next)
                .reason(reason.label() + (note == null || note.isBlank() ? "" : "：" + note.strip())));
        return saved;
    }

    /** Takes back a return opened by mistake; never one for the end of the term, nor while its cause still holds. */
    @Transactional
    public Loan cancelReturn(Actor actor, long id, @Valid Justification justification) {
        Loan current = get(id);
        ExpectedVersion.check(justification.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.CANCEL_RETURN);
        if (current.returnReason().isFinal()) {
            throw new IllegalTransitionException("貸与期間の満了による返還は取り消せません", current.state().name(),
                    allowedActions(current));
        }
        Household household = households.findById(current.householdId()).orElseThrow();
        Optional<ReturnReason> stillHolds = EarlyEndPolicy.fromHousehold(household.prefectureCode(),
                household.ventilatorDependent());
        if (stillHolds.isPresent() && stillHolds.get() == current.returnReason()) {
            throw new ConflictException("世帯の情報が「" + stillHolds.get().label()
                    + "」のままです。取り消す前に世帯の情報を訂正してください");
        }
        Loan saved = loans.update(current.withReturn(null, null, null).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.CANCEL_RETURN, JapanTime.today(clock)).states(current.state(), next)
                .reason(justification.reason().strip()));
        return saved;
    }

    @Transactional
    public Loan receiveDevice(Actor actor, long id, @Valid DeviceReceipt receipt) {
        Loan current = get(id);
        ExpectedVersion.check(receipt.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.RECEIVE_DEVICE);
        LocalDate on = dateWithin(receipt.receivedOn(), current.startDate(), "貸与開始日", "receivedOn");
        devices.move(actor, current.deviceId(), DeviceAction.RECEIVE_RETURN, receipt.note(), on,
                current.householdId(), current.id());
        devices.recordCondition(current.deviceId(), receipt.condition());
        Loan saved = loans.update(current.withDeviceReceived(on, receipt.condition()).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.RECEIVE_DEVICE, on).states(current.state(), next)
                .reason(blankToNull(receipt.note())).detail("condition=" + receipt.condition()));
        return saved;
    }

    /** The returned unit is inspected: available again, to repair, or retired; the loan ends with its reason. */
    @Transactional
    public Loan completeReturn(Actor actor, long id, @Valid ReturnInspection inspection) {
        Loan current = get(id);
        ExpectedVersion.check(inspection.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.COMPLETE_RETURN);
        LocalDate on = dateWithin(inspection.inspectedOn(), current.deviceReceivedOn(), "装置の受領日", "inspectedOn");
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
        terms.findByLoanIdAndState(id, TermsAcceptanceState.SENT)
                .forEach(pending -> terms.update(pending.superseded(clock.instant())));
        Loan saved = loans.update(current.endedOn(on).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.COMPLETE_RETURN, on).states(current.state(), next)
                .reason(current.returnReason().label()).detail("device=" + inspection.deviceGoesTo()));
        return saved;
    }

    /**
     * The family lost the unit (紛失, recorded as an incident first): the return can't receive it, so the loan ends
     * without it and the device is written off. Costs and liability stay with the incident (seed 000, line 538).
     */
    @Transactional
    public Loan endWithDeviceLost(Actor actor, long id, @Valid LossEnding ending) {
        Loan current = get(id);
        ExpectedVersion.check(ending.version(), current.version());
        LoanState next = LIFECYCLE.next(current.state(), LoanAction.END_WITH_DEVICE_LOST);
        Optional<LoanIncident> loss = recordedLoss(id);
        if (loss.isEmpty()) {
            throw new ConflictException("装置の紛失が記録されていません。先に「紛失・破損の記録」で紛失を記録してください");
        }
        LocalDate on = dateWithin(ending.endedOn(), loss.get().occurredOn(), "紛失日", "endedOn");
        devices.move(actor, current.deviceId(), DeviceAction.WRITE_OFF_LOST, blankToNull(ending.note()), on,
                current.householdId(), current.id());
        terms.findByLoanIdAndState(id, TermsAcceptanceState.SENT)
                .forEach(pending -> terms.update(pending.superseded(clock.instant())));
        Loan saved = loans.update(current.endedOn(on).withState(next, clock.instant()));
        log.record(actor, loanStep(current, LoanAction.END_WITH_DEVICE_LOST, on).states(current.state(), next)
                .reason(current.returnReason().label()).detail("incident=" + loss.get().id()));
        return saved;
    }

    /** The latest loss (紛失) recorded for the loan, if any. */
    private Optional<LoanIncident> recordedLoss(long loanId) {
        return incidents.findByLoanIdOrderByOccurredOn(loanId).stream()
                .filter(incident -> incident.kind() == IncidentKind.LOSS).reduce((first, later) -> later);
    }

    /** 個別避難計画: applied to the municipality, accepted, completed — in that order, each with its date. */
    @Transactional
    public Loan recordPlanStep(Actor actor, long id, @Valid PlanStepRecord record) {
        Loan current = get(id);
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
        Loan saved = loans.update(updated);
        log.record(actor, new Step(SubjectType.LOAN, id, current.householdId(), id, record.step().apiName(),
                before.name(), after.name(), blankToNull(record.note()), null, record.on()));
        return saved;
    }

    /**
     * A yearly check was recorded on {@code checkedOn}: the next is due 12 months later (line 541). Called by the
     * inspections feature inside its transaction, after it verified the loan is running.
     */
    public Loan checkRecorded(Actor actor, long id, long inspectionId, LocalDate checkedOn) {
        Loan current = get(id);
        LIFECYCLE.next(current.state(), LoanAction.RECORD_INSPECTION);
        LocalDate nextDue = YearlyCheckSchedule.nextDue(current.startDate(), checkedOn);
        Loan saved = nextDue.isAfter(current.nextCheckDue())
                ? loans.update(current.withNextCheckDue(nextDue, clock.instant())) : current;
        log.record(actor, new Step(SubjectType.LOAN, id, current.householdId(), id,
                LoanAction.RECORD_INSPECTION.apiName(), current.state().name(), current.state().name(), null,
                "inspection=" + inspectionId + " nextCheckDue=" + saved.nextCheckDue(), checkedOn));
        return saved;
    }

    /** Opens the return for a reason found by a check or an event; does nothing if the loan is no longer running. */
    @Transactional
    public Optional<Loan> openReturnBecause(Actor actor, long id, ReturnReason reason, String note, LocalDate on) {
        Loan current = get(id);
        if (current.state() != LoanState.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(open(actor, current, reason, note, on));
    }

    /** 紛失・破損: the family is liable only for loss or damage it caused (line 538), with the reason written down. */
    @Transactional
    public LoanIncident recordIncident(Actor actor, long id, @Valid NewIncident incident) {
        Loan current = get(id);
        LIFECYCLE.next(current.state(), LoanAction.RECORD_INCIDENT);
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "occurredOn", incident.occurredOn(), JapanTime.today(clock));
        Dates.notBefore(errors, "occurredOn", incident.occurredOn(), current.startDate(), "貸与開始日");
        if (incident.familyLiable() && !incident.kind().familyMayBeLiable()) {
            errors.add(new FieldError("familyLiable", "通常使用による故障の修理費用は、ご家族の負担になりません"));
        } else if (incident.familyLiable() && (incident.liabilityNote() == null || incident.liabilityNote().isBlank())) {
            errors.add(new FieldError("liabilityNote", "ご家族に費用の負担を求める理由を記入してください"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LoanIncident saved = incidents.save(new LoanIncident(null, id, current.deviceId(), incident.occurredOn(),
                incident.kind(), incident.description().strip(), incident.repairCostYen(), incident.familyLiable(),
                blankToNull(incident.liabilityNote()), actor.userId(), clock.instant()));
        log.record(actor, new Step(SubjectType.INCIDENT, saved.id(), current.householdId(), id,
                LoanAction.RECORD_INCIDENT.apiName(), null, null, incident.kind().label() + "：" + saved.description(),
                "repairCostYen=" + incident.repairCostYen() + " familyLiable=" + incident.familyLiable(),
                incident.occurredOn()));
        return saved;
    }

    /** Sends the terms again; an earlier request still waiting is superseded, so one request is open at a time. */
    @Transactional
    public TermsAcceptance resendTerms(Actor actor, long id, @Valid TermsResend resend) {
        Loan current = get(id);
        LIFECYCLE.next(current.state(), LoanAction.RESEND_TERMS);
        LocalDate on = dateWithin(resend.sentOn(), current.startDate(), "貸与開始日", "sentOn");
        if (resend.channel() == TermsChannel.IN_PERSON) {
            throw new InvalidInputException("channel", "再送は郵送またはメールで行います");
        }
        if (resend.channel() == TermsChannel.EMAIL
                && (resend.sentTo() == null || !resend.sentTo().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("sentTo", "送付先のメールアドレスを入力してください");
        }
        Instant now = clock.instant();
        terms.findByLoanIdAndState(id, TermsAcceptanceState.SENT).forEach(pending -> {
            terms.update(pending.superseded(now));
            log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, pending.id(), current.householdId(), id,
                    "supersede", TermsAcceptanceState.SENT.name(), TermsAcceptanceState.SUPERSEDED.name(), null, null, on));
        });
        TermsAcceptance sent = terms.save(new TermsAcceptance(null, id, TermsOfLoan.VERSION, resend.channel(),
                TermsAcceptanceState.SENT, on, blankToNull(resend.sentTo()), actor.userId(), null, null, false, false,
                now, now, null));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, sent.id(), current.householdId(), id,
                LoanAction.RESEND_TERMS.apiName(), null, TermsAcceptanceState.SENT.name(), null,
                "channel=" + resend.channel(), on));
        if (resend.channel() == TermsChannel.EMAIL) {
            termsRequests.publishEvent(new TermsRequestedByEmail(sent.id(), id, current.householdId()));
        }
        return sent;
    }

    /**
     * The family accepted the terms through the link in the email (no sign-in): recorded as by the system, on the
     * day it happened. Only a request still waiting can be accepted.
     */
    @Transactional
    public TermsAcceptance acceptTermsByLink(long loanId, long acceptanceId, String acceptedByName) {
        return acceptTerms(Actor.SYSTEM, loanId, acceptanceId, new TermsAcceptedLater(
                new TermsAccepted(true, true, acceptedByName), null, null));
    }

    @Transactional
    public TermsAcceptance acceptTerms(Actor actor, long id, long acceptanceId, @Valid TermsAcceptedLater accepted) {
        Loan current = get(id);
        TermsAcceptance request = terms.findById(acceptanceId).filter(t -> t.loanId() == id)
                .orElseThrow(() -> new NotFoundException("貸与条件の送付記録"));
        ExpectedVersion.check(accepted.version(), request.version());
        if (request.state() != TermsAcceptanceState.SENT) {
            throw new IllegalTransitionException("「" + request.state().label() + "」の送付記録には同意を記録できません",
                    request.state().name(), List.of());
        }
        LocalDate on = dateWithin(accepted.acceptedOn(), request.sentOn(), "送付日", "acceptedOn");
        TermsAcceptance saved = terms.update(request.accepted(on, accepted.terms().acceptedByName().strip(), clock.instant()));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, acceptanceId, current.householdId(), id, "accept",
                TermsAcceptanceState.SENT.name(), TermsAcceptanceState.ACCEPTED.name(), null,
                "terms " + request.termsVersion(), on));
        return saved;
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
        return loans.findCurrentOfHousehold(householdId)
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
        for (Loan loan : loans.findActiveWithTermReached(today)) {
            sweepOne(loan.id(), opened, failed, () -> openReturnBecause(Actor.SYSTEM, loan.id(), ReturnReason.TERM_ENDED,
                    "貸与期間の満了日（" + loan.maxEndDate() + "）に達したため自動で開始", today));
        }
        for (Loan loan : loans.findActiveWithHouseholdNoLongerEligible()) {
            sweepOne(loan.id(), opened, failed, () -> applyHouseholdFacts(loan.householdId()));
        }
        if (!opened.isEmpty() || !failed.isEmpty()) {
            LOG.info("Loan sweep opened {} returns, {} failed", opened.size(), failed.size());
        }
        return new SweepReport(opened, failed);
    }

    private static void sweepOne(long loanId, List<Long> opened, List<Long> failed,
                                 java.util.function.Supplier<Optional<Loan>> step) {
        try {
            step.get().ifPresent(loan -> opened.add(loan.id()));
        } catch (RuntimeException e) {
            LOG.warn("Loan sweep could not open the return of loan {}: {}", loanId, e.getClass().getSimpleName());
            failed.add(loanId);
        }
    }

    private Step loanStep(Loan loan, LoanAction action, LocalDate on) {
        return Step.of(SubjectType.LOAN, loan.id(), action, on).household(loan.householdId()).loan(loan.id());
    }

    /** A step's date: today by default; not in the future, not before the earlier step it follows. */
    private LocalDate dateWithin(@Nullable LocalDate requested, @Nullable LocalDate earliest, String earliestName,
                                 String field) {
        LocalDate today = JapanTime.today(clock);
        LocalDate on = requested == null ? today : requested;
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, field, on, today);
        Dates.notBefore(errors, field, on, earliest, earliestName);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return on;
    }

    static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
