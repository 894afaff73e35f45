package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.ProgramApplicationRepository;
import jp.inochi.applications.ApplicationReview;
import jp.inochi.applications.ApplicationReviews;
import jp.inochi.applications.InformationRequest;
import jp.inochi.applications.Refusal;
import jp.inochi.applications.StepCommand;
import jp.inochi.applications.model.ProgramApplicationAction;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceRepository;
import jp.inochi.devices.Devices;
import jp.inochi.households.HouseholdFactsRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.EarlyEndPolicy;
import jp.inochi.loans.model.HandoverReadiness;
import jp.inochi.loans.model.LoanApplicationAction;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.platform.time.JapanTime;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.loans.model.LoanApplicationAction.LIFECYCLE;

/**
 * 貸与申請 (seed 000, line 513: 上記①で利用申請が認められた場合): only after the program application is approved;
 * then decided, a device assigned, and the unit handed over, which starts the loan.
 */
@Singleton
public class LoanApplications {
    private final LoanApplicationRepository applications;
    private final ProgramApplicationRepository programApplications;
    private final DeviceRepository deviceRepository;
    private final Devices devices;
    private final LoanHandovers handovers;
    private final HouseholdRepository households;
    private final HouseholdFactsRepository childAtHome;
    private final LifecycleLog log;
    private final ApplicationReview<LoanApplication, LoanApplicationState, LoanApplicationAction> review;
    private final Clock clock;

    LoanApplications(LoanApplicationRepository applications, ProgramApplicationRepository programApplications,
                     DeviceRepository deviceRepository, Devices devices, LoanHandovers handovers, HouseholdRepository households,
                     HouseholdFactsRepository childAtHome, LifecycleLog log, ApplicationReviews reviews, Clock clock) {
        this.applications = applications;
        this.programApplications = programApplications;
        this.deviceRepository = deviceRepository;
        this.devices = devices;
        this.handovers = handovers;
        this.households = households;
        this.childAtHome = childAtHome;
        this.log = log;
        this.review = reviews.of(new ApplicationReview.Kind<>("貸与申請", SubjectType.LOAN_APPLICATION, LIFECYCLE,
                applications, Set.of(LoanApplicationAction.WITHDRAW, LoanApplicationAction.RELEASE_DEVICE)));
        this.clock = clock;
    }

    @Serdeable
    public record NewLoanApplication(@NotNull Long programApplicationId, @NotNull LocalDate receivedOn,
                                     @Nullable @Size(max = 2000) String note) {
    }

    @Serdeable
    public record Decision(@Nullable @Size(max = 2000) String note, @Nullable LocalDate decidedOn, @Nullable Long version) {
    }

    @Serdeable
    public record DeviceAssignment(@NotNull Long deviceId, @Nullable LocalDate assignedOn, @Nullable Long version) {
    }

    @Serdeable
    public record Handover(@NotNull LocalDate startDate, @NotNull @Valid TermsAccepted terms,
                           @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    public LoanApplication get(long id) {
        return review.get(id);
    }

    /** The applications 「検索」 finds: by the application's or household's number, or the family. */
    public List<Long> idsMatching(SearchQuery query) {
        return applications.findIdsMatchingSearch(query.text(), query.phoneDigits(), query.number());
    }

    public List<LoanApplication> list(@Nullable LoanApplicationState state, @Nullable Long householdId) {
        return review.list(state, householdId);
    }

    public List<String> allowedActions(LoanApplication application) {
        return review.allowedActions(application);
    }

    /** The next steps in the center's words, for the queue: withdrawing and releasing the device left out. */
    public List<String> nextSteps(LoanApplication application) {
        return review.nextSteps(application);
    }

    public List<LifecycleEvent> history(long id) {
        return review.history(id);
    }

    /** Refused with 409 unless the program application is approved: its state and allowed actions are named. */
    @Transactional
    public LoanApplication receive(Actor actor, @Valid NewLoanApplication command) {
        ProgramApplication program = programApplications.findById(command.programApplicationId())
                .orElseThrow(() -> new InvalidInputException("programApplicationId",
                        "事業利用申請（番号 " + command.programApplicationId() + "）が見つかりません"));
        if (program.state() != ProgramApplicationState.APPROVED) {
            throw new IllegalTransitionException("事業利用申請（番号 " + program.id() + "）は「" + program.state().label()
                    + "」です。貸与申請は事業利用申請が承認されてから受け付けます",
                    program.state().name(), ProgramApplicationAction.LIFECYCLE.allowedApiNames(program.state()));
        }
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "receivedOn", command.receivedOn(), JapanTime.today(clock));
        Dates.notBefore(errors, "receivedOn", command.receivedOn(), program.decidedOn(), "事業利用申請の承認日");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        applications.findFirstByProgramApplicationIdAndStateNotInListOrderByIdDesc(program.id(),
                List.of(LoanApplicationState.REJECTED, LoanApplicationState.WITHDRAWN)).ifPresent(existing -> {
            throw new ConflictException("この事業利用申請には既に貸与申請（番号 " + existing.id() + "、"
                    + existing.state().label() + "）があります");
        });
        Instant now = clock.instant();
        LoanApplication saved = applications.save(new LoanApplication(null, program.id(), program.householdId(),
                LoanApplicationState.RECEIVED, command.receivedOn(), null, null, null, null, null, null, now, now, null));
        log.record(actor, new Step(SubjectType.LOAN_APPLICATION, saved.id(), saved.householdId(), null, "receive", null,
                saved.state().name(), blankToNull(command.note()), "programApplication=" + program.id(),
                command.receivedOn()));
        return saved;
    }

    @Transactional
    public LoanApplication startReview(Actor actor, long id, @Valid StepCommand command) {
        return review.step(actor, id, LoanApplicationAction.START_REVIEW, command);
    }

    @Transactional
    public LoanApplication requestInformation(Actor actor, long id, @Valid InformationRequest command) {
        return review.requestInformation(actor, id, LoanApplicationAction.REQUEST_INFORMATION, command);
    }

    @Transactional
    public LoanApplication resumeReview(Actor actor, long id, @Valid StepCommand command) {
        return review.step(actor, id, LoanApplicationAction.RESUME_REVIEW, command);
    }

    @Transactional
    public LoanApplication approve(Actor actor, long id, @Valid Decision command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.APPROVE);
        LocalDate on = review.effective(command.decidedOn(), current, "decidedOn");
        LoanApplication saved = applications.update(current.moved(next, clock.instant())
                .decided(on, blankToNull(command.note()), actor.userId()));
        review.record(actor, current, next, LoanApplicationAction.APPROVE, command.note(), on);
        return saved;
    }

    @Transactional
    public LoanApplication reject(Actor actor, long id, @Valid Refusal command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.REJECT);
        LocalDate on = review.effective(command.decidedOn(), current, "decidedOn");
        LoanApplication saved = applications.update(current.moved(next, clock.instant())
                .decided(on, command.reason().strip(), actor.userId()));
        review.record(actor, current, next, LoanApplicationAction.REJECT, command.reason(), on);
        return saved;
    }

    /** Withdrawn at any point before the handover; a device set aside for it becomes available again. */
    @Transactional
    public LoanApplication withdraw(Actor actor, long id, @Valid Refusal command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.WITHDRAW);
        LocalDate on = review.effective(command.decidedOn(), current, "decidedOn");
        if (current.deviceId() != null) {
            devices.move(actor, current.deviceId(), DeviceAction.RELEASE, "貸与申請の取下げ", on, current.householdId(), null);
        }
        LoanApplication saved = applications.update(current.withDevice(null, null).moved(next, clock.instant())
                .decided(current.decidedOn() == null ? on : current.decidedOn(), command.reason().strip(), actor.userId()));
        review.record(actor, current, next, LoanApplicationAction.WITHDRAW, command.reason(), on);
        return saved;
    }

    /**
     * Sets a device aside for the approved application. Only a sine-wave generator is lent (line 521); a device
     * that is not available (reserved for another family, on loan, in repair...) is refused with its state.
     */
    @Transactional
    public LoanApplication assignDevice(Actor actor, long id, @Valid DeviceAssignment command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.ASSIGN_DEVICE);
        Device device = deviceRepository.findById(command.deviceId()).orElseThrow(() -> new InvalidInputException(
                "deviceId", "装置（番号 " + command.deviceId() + "）が見つかりません"));
        if (!device.sineWave()) {
            throw new ConflictException("装置「" + device.serialNumber() + "」は正弦波出力ではないため、人工呼吸器用に貸与できません");
        }
        LocalDate on = review.effective(command.assignedOn(), current.decidedOn(), "貸与決定日", "assignedOn");
        devices.move(actor, device.id(), DeviceAction.RESERVE, "貸与申請 " + id, on, current.householdId(), null);
        LoanApplication saved = applications.update(current.withDevice(device.id(), on).moved(next, clock.instant()));
        log.record(actor, review.stepOf(current, next, LoanApplicationAction.ASSIGN_DEVICE, null, on)
                .detail("device=" + device.id() + " serial=" + device.serialNumber()));
        return saved;
    }

    @Transactional
    public LoanApplication releaseDevice(Actor actor, long id, @Valid StepCommand command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.RELEASE_DEVICE);
        LocalDate on = review.effective(command.effectiveOn(), current.deviceAssignedOn(), "装置の割当日", "effectiveOn");
        devices.move(actor, current.deviceId(), DeviceAction.RELEASE, command.note(), on, current.householdId(), null);
        LoanApplication saved = applications.update(current.withDevice(null, null).moved(next, clock.instant()));
        review.record(actor, current, next, LoanApplicationAction.RELEASE_DEVICE, command.note(), on);
        return saved;
    }

    /**
     * 引渡し: the loan starts on the handover date, which is neither in the future nor before the approvals and the
     * assignment; the family accepts the terms of line 538; a family that has moved out or been weaned gets no loan,
     * and the child must be home ({@link HandoverReadiness}).
     */
    @Transactional
    public Loan handOver(Actor actor, long id, @Valid Handover command) {
        LoanApplication current = review.current(id, command.version());
        LoanApplicationState next = LIFECYCLE.next(current.state(), LoanApplicationAction.HAND_OVER);
        ProgramApplication program = programApplications.findById(current.programApplicationId()).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "startDate", command.startDate(), JapanTime.today(clock));
        Dates.notBefore(errors, "startDate", command.startDate(), program.decidedOn(), "事業利用申請の承認日");
        Dates.notBefore(errors, "startDate", command.startDate(), current.decidedOn(), "貸与決定日");
        Dates.notBefore(errors, "startDate", command.startDate(), current.deviceAssignedOn(), "装置の割当日");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Household household = households.findById(current.householdId()).orElseThrow();
        EarlyEndPolicy.fromHousehold(household.prefectureCode(), household.ventilatorDependent()).ifPresent(reason -> {
            throw new ConflictException("世帯の情報が「" + reason.label() + "」となっているため、貸与を開始できません"
                    + (reason == ReturnReason.MOVED_OUT_OF_PREFECTURE ? "（県外への転居）" : ""));
        });
        List<String> notHome = HandoverReadiness.refusals(household.nicuDischargeDate(),
                programApplications.dischargeDateOverridden(program.id()),
                childAtHome.findLivesAtHome(household.id()).orElse(true));
        if (!notHome.isEmpty()) {
            throw new ConflictException(String.join("。", notHome) + "。");
        }
        devices.move(actor, current.deviceId(), DeviceAction.LEND, "貸与申請 " + id, command.startDate(),
                current.householdId(), null);
        applications.update(current.moved(next, clock.instant()));
        Loan loan = handovers.start(actor, current, command.startDate(), command.terms());
        log.record(actor, review.stepOf(current, next, LoanApplicationAction.HAND_OVER, command.note(), command.startDate())
                .loan(loan.id()).detail("loan=" + loan.id()));
        return loan;
    }
}
