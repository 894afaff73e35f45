package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.IncidentKind;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/** Loss or damage of the loaned device, and who bears the cost. */
@Singleton
public class LoanIncidents {
    private final Loans loans;
    private final LoanIncidentRepository incidents;
    private final LifecycleLog log;
    private final Clock clock;

    LoanIncidents(Loans loans, LoanIncidentRepository incidents, LifecycleLog log, Clock clock) {
        this.loans = loans;
        this.incidents = incidents;
        this.log = log;
        this.clock = clock;
    }

    @Serdeable
    public record NewIncident(@NotNull LocalDate occurredOn, @NotNull IncidentKind kind,
                              @NotBlank @Size(max = 2000) String description,
                              @Nullable @Min(0) @Max(10_000_000) Integer repairCostYen,
                              @NotNull Boolean familyLiable, @Nullable @Size(max = 2000) String liabilityNote) {
    }

    /** 紛失・破損: the family is liable only for loss or damage it caused (line 538), with the reason written down. */
    @Transactional
    public LoanIncident recordIncident(Actor actor, long id, @Valid NewIncident incident) {
        Loan current = loans.get(id);
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
}
