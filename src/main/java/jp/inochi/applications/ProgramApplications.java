package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.Role;
import jp.inochi.applications.model.Eligibility;
import jp.inochi.applications.model.EligibilityFacts;
import jp.inochi.applications.model.EligibilityOverride;
import jp.inochi.applications.model.EligibilityPolicy;
import jp.inochi.applications.model.IneligibilityReason;
import jp.inochi.applications.model.ProgramApplicationAction;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.applications.model.ProgramDates;
import jp.inochi.applications.model.RuleOverride;
import jp.inochi.applications.model.SubsidyExceptionReason;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.platform.time.JapanTime;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.applications.model.ProgramApplicationAction.LIFECYCLE;

/**
 * 事業利用申請: received, reviewed, decided. Approval applies {@link EligibilityPolicy}; a named reason stands in the
 * way unless it is overridden with a written justification, by staff for a soft rule and only by a center admin for a
 * hard one ({@link RuleOverride}). Every step is recorded with its actor and reason.
 */
@Singleton
public class ProgramApplications {
    private static final EligibilityPolicy POLICY = EligibilityPolicy.allCurrentRules();

    private final ProgramApplicationRepository applications;
    private final EligibilityOverrideRepository overrides;
    private final HouseholdRepository households;
    private final MunicipalSubsidies subsidies;
    private final LifecycleLog log;
    private final ApplicationReview<ProgramApplication, ProgramApplicationState, ProgramApplicationAction> review;
    private final JsonMapper json;
    private final Clock clock;

    ProgramApplications(ProgramApplicationRepository applications, EligibilityOverrideRepository overrides,
                        HouseholdRepository households, MunicipalSubsidies subsidies, LifecycleLog log,
                        ApplicationReviews reviews, JsonMapper json, Clock clock) {
        this.applications = applications;
        this.overrides = overrides;
        this.households = households;
        this.subsidies = subsidies;
        this.log = log;
        this.review = reviews.of(new ApplicationReview.Kind<>("事業利用申請", SubjectType.PROGRAM_APPLICATION, LIFECYCLE,
                applications, Set.of(ProgramApplicationAction.WITHDRAW, ProgramApplicationAction.RECORD_SUBSIDY_EXCEPTION)));
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    public record NewProgramApplication(@NotNull Long householdId, @NotNull LocalDate receivedOn,
                                        @Nullable LocalDate plannedDischargeDate,
                                        @Nullable @Size(max = 2000) String subsidyExceptionReason,
                                        @Nullable @Size(max = 2000) String note) {
    }

    @Serdeable
    public record SubsidyException(@NotBlank @Size(max = 2000) String reason, @Nullable Long version) {
    }

    @Serdeable
    public record OverrideInput(@NotNull IneligibilityReason reason, @Nullable @Size(max = 2000) String justification) {
    }

    @Serdeable
    public record Approval(@Nullable List<@Valid OverrideInput> overrides, @Nullable LocalDate decidedOn,
                           @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    public ProgramApplication get(long id) {
        return review.get(id);
    }

    /** The applications 「検索」 finds: by the application's or household's number, or the family. */
    public List<Long> idsMatching(SearchQuery query) {
        return applications.findIdsMatchingSearch(query.text(), query.phoneDigits(), query.number());
    }

    public List<ProgramApplication> list(@Nullable ProgramApplicationState state, @Nullable Long householdId) {
        return review.list(state, householdId);
    }

    public List<String> allowedActions(ProgramApplication application) {
        return review.allowedActions(application);
    }

    /** The next steps in the center's words, for the queue: withdrawing and the subsidy exception left out. */
    public List<String> nextSteps(ProgramApplication application) {
        return review.nextSteps(application);
    }

    /** What the policy says today about the family, with the subsidy list in force today. */
    public Eligibility eligibility(ProgramApplication application) {
        return evaluate(application, JapanTime.today(clock));
    }

    public List<EligibilityOverrideRecord> overrides(long applicationId) {
        return overrides.findByProgramApplicationIdOrderById(applicationId);
    }

    public List<LifecycleEvent> history(long applicationId) {
        return review.history(applicationId);
    }

    @Transactional
    public ProgramApplication receive(Actor actor, @Valid NewProgramApplication command) {
        LocalDate today = JapanTime.today(clock);
        List<FieldError> errors = new ArrayList<>();
        if (households.findById(command.householdId()).isEmpty()) {
            errors.add(new FieldError("householdId", "世帯（番号 " + command.householdId() + "）が見つかりません"));
        }
        Dates.notInFuture(errors, "receivedOn", command.receivedOn(), today);
        Dates.notBefore(errors, "receivedOn", command.receivedOn(), ProgramDates.APPLICATIONS_OPENED, "申請受付の開始日");
        if (blankToNull(command.subsidyExceptionReason()) != null) {
            SubsidyExceptionReason.problem(command.subsidyExceptionReason())
                    .ifPresent(problem -> errors.add(new FieldError("subsidyExceptionReason", problem)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        applications.findStanding(command.householdId()).ifPresent(standing -> {
            throw new ConflictException("この世帯には既に事業利用申請（番号 " + standing.id() + "、"
                    + standing.state().label() + "）があります");
        });
        Instant now = clock.instant();
        ProgramApplication saved = applications.save(new ProgramApplication(null, command.householdId(),
                ProgramApplicationState.RECEIVED, command.receivedOn(), command.plannedDischargeDate(),
                blankToNull(command.subsidyExceptionReason()),
                null, null, null, null, null, now, now, null));
        log.record(actor, new Step(SubjectType.PROGRAM_APPLICATION, saved.id(), saved.householdId(), null, "receive",
                null, saved.state().name(), command.note(), null, command.receivedOn()));
        return saved;
    }

    @Transactional
    public ProgramApplication startReview(Actor actor, long id, @Valid StepCommand command) {
        return review.step(actor, id, ProgramApplicationAction.START_REVIEW, command);
    }

    @Transactional
    public ProgramApplication requestInformation(Actor actor, long id, @Valid InformationRequest command) {
        return review.requestInformation(actor, id, ProgramApplicationAction.REQUEST_INFORMATION, command);
    }

    @Transactional
    public ProgramApplication resumeReview(Actor actor, long id, @Valid StepCommand command) {
        return review.step(actor, id, ProgramApplicationAction.RESUME_REVIEW, command);
    }

    /** 市町村に制度はあるけれど活用できない場合 (seed 000, line 568): the reason must be recorded. */
    @Transactional
    public ProgramApplication recordSubsidyException(Actor actor, long id, @Valid SubsidyException command) {
        ProgramApplication current = review.current(id, command.version());
        LIFECYCLE.next(current.state(), ProgramApplicationAction.RECORD_SUBSIDY_EXCEPTION);
        SubsidyExceptionReason.problem(command.reason()).ifPresent(problem -> {
            throw new InvalidInputException("reason", problem);
        });
        ProgramApplication saved = applications.update(current.withSubsidyException(command.reason().strip())
                .moved(current.state(), clock.instant()));
        review.record(actor, current, current.state(), ProgramApplicationAction.RECORD_SUBSIDY_EXCEPTION,
                command.reason().strip(), JapanTime.today(clock));
        return saved;
    }

    /**
     * Approves when every named reason is absent or overridden with a written justification (at least
     * {@link EligibilityOverride#MIN_JUSTIFICATION_LENGTH} characters). The reasons found and how each was resolved
     * are kept with the decision.
     */
    @Transactional
    public ProgramApplication approve(Actor actor, long id, @Valid Approval command) {
        ProgramApplication current = review.current(id, command.version());
        ProgramApplicationState next = LIFECYCLE.next(current.state(), ProgramApplicationAction.APPROVE);
        LocalDate decidedOn = review.effective(command.decidedOn(), current, "decidedOn");
        Eligibility eligibility = evaluate(current, decidedOn);
        Map<IneligibilityReason, String> given = new EnumMap<>(IneligibilityReason.class);
        List<FieldError> errors = new ArrayList<>();
        List<OverrideInput> inputs = command.overrides() == null ? List.of() : command.overrides();
        for (int i = 0; i < inputs.size(); i++) {
            OverrideInput input = inputs.get(i);
            boolean applies = eligibility.reasons().stream().anyMatch(r -> r.reason() == input.reason());
            if (!applies) {
                errors.add(new FieldError("overrides[" + i + "].reason",
                        "「" + input.reason().label() + "」はこの申請に該当しないため、上書きできません"));
            } else if (given.put(input.reason(), input.justification()) != null) {
                errors.add(new FieldError("overrides[" + i + "].reason", "同じ理由が2回指定されています"));
            } else if (!RuleOverride.mayOverride(role(actor), input.reason().weight())) {
                errors.add(new FieldError("overrides." + input.reason().name(), "「" + input.reason().label()
                        + "」を上書きできるのはセンター管理者だけです"));
            }
        }
        for (IneligibilityReason unresolved : eligibility.unresolved(given)) {
            errors.add(new FieldError("overrides." + unresolved.name(), "「" + unresolved.label()
                    + "」に該当します。承認するには、上書きする理由を" + EligibilityOverride.MIN_JUSTIFICATION_LENGTH
                    + "文字以上で記入してください"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        given.forEach((reason, justification) -> overrides.save(new EligibilityOverrideRecord(null, id, reason,
                justification.strip(), requireUser(actor), now)));
        String snapshot = snapshot(eligibility, given);
        ProgramApplication saved = applications.update(current.moved(next, now)
                .decided(decidedOn, blankToNull(command.note()), actor.userId(), snapshot));
        log.record(actor, review.stepOf(current, next, ProgramApplicationAction.APPROVE, command.note(), decidedOn)
                .detail(snapshot));
        return saved;
    }

    @Transactional
    public ProgramApplication reject(Actor actor, long id, @Valid Refusal command) {
        ProgramApplication current = review.current(id, command.version());
        ProgramApplicationState next = LIFECYCLE.next(current.state(), ProgramApplicationAction.REJECT);
        LocalDate decidedOn = review.effective(command.decidedOn(), current, "decidedOn");
        String snapshot = snapshot(evaluate(current, decidedOn), Map.of());
        ProgramApplication saved = applications.update(current.moved(next, clock.instant())
                .decided(decidedOn, command.reason().strip(), actor.userId(), snapshot));
        log.record(actor, review.stepOf(current, next, ProgramApplicationAction.REJECT, command.reason().strip(), decidedOn)
                .detail(snapshot));
        return saved;
    }

    @Transactional
    public ProgramApplication withdraw(Actor actor, long id, @Valid Refusal command) {
        ProgramApplication current = review.current(id, command.version());
        ProgramApplicationState next = LIFECYCLE.next(current.state(), ProgramApplicationAction.WITHDRAW);
        LocalDate on = review.effective(command.decidedOn(), current, "decidedOn");
        ProgramApplication saved = applications.update(current.moved(next, clock.instant())
                .decided(on, command.reason().strip(), actor.userId(), null));
        review.record(actor, current, next, ProgramApplicationAction.WITHDRAW, command.reason().strip(), on);
        return saved;
    }

    private Eligibility evaluate(ProgramApplication application, LocalDate on) {
        Household h = households.findById(application.householdId()).orElseThrow(() -> new NotFoundException("世帯"));
        return POLICY.evaluate(facts(h, application), subsidies.inForceOn(on));
    }

    static EligibilityFacts facts(Household h, ProgramApplication application) {
        return new EligibilityFacts(h.nicuInKumamoto(), h.nicuDischargeDate(), h.ventilatorDependent(),
                h.ventilatorHoursPerDay(), h.ventilatorOffMinutesPerDay(), h.prefectureCode(), h.municipalityCode(),
                application.subsidyExceptionReason(), application.plannedDischargeDate());
    }

    private String snapshot(Eligibility eligibility, Map<IneligibilityReason, String> given) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("eligible", eligibility.eligible());
        document.put("subsidyListAsOf", eligibility.subsidyList().asOf() == null ? null : eligibility.subsidyList().asOf().toString());
        document.put("subsidyExceptionApplied", eligibility.subsidyExceptionApplied());
        document.put("reasons", eligibility.reasons().stream().map(r -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("code", r.reason().name());
            reason.put("detail", r.detail());
            reason.put("overriddenWith", given.get(r.reason()));
            return reason;
        }).toList());
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private static Role role(Actor actor) {
        return actor.isSystem() ? null : actor.viewer().role();
    }

    private static long requireUser(Actor actor) {
        if (actor.userId() == null) {
            throw new IllegalStateException("Only a person can override an eligibility reason");
        }
        return actor.userId();
    }

}
