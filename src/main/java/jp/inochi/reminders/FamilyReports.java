package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.loans.Loan;
import jp.inochi.loans.EvacuationPlanSteps;
import jp.inochi.loans.Loans;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.reminders.model.ReportKind;
import jp.inochi.reminders.model.ReportState;

/**
 * What families report through the links in their reminders, and the staff's handling: confirming a plan
 * application records the plan step through the loans service (dated the day the family says, or the report's day);
 * confirming a check request records what was arranged.
 */
@Singleton
public class FamilyReports {
    private final FamilyReportRepository reports;
    private final ReminderRepository reminders;
    private final Loans loans;
    private final EvacuationPlanSteps planSteps;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    FamilyReports(FamilyReportRepository reports, ReminderRepository reminders, Loans loans,
                  EvacuationPlanSteps planSteps, AuditLog auditLog, TransactionOperations<Connection> transactions,
                  Clock clock) {
        this.reports = reports;
        this.reminders = reminders;
        this.loans = loans;
        this.planSteps = planSteps;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Serdeable
    public record Confirmation(@Nullable LocalDate on, @Nullable @Size(max = 2000) String note, @Nullable Long version) {
    }

    @Serdeable
    public record Dismissal(@NotBlank @Size(max = 2000) String reason, @Nullable Long version) {
    }

    public FamilyReport get(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("ご家族からの報告"));
    }

    public List<FamilyReport> search(@Nullable ReportState state, @Nullable Long householdId, int page, int size) {
        return reports.search(state == null ? null : state.name(), householdId, size, (long) page * size);
    }

    /** The reminder a link is about, if it is one a family can report on. */
    Optional<Reminder> reportable(long reminderId, ReportKind kind) {
        return reminders.findById(reminderId).filter(r -> r.obligation() == kind.obligation());
    }

    /** An earlier report of the same step for the same due date, waiting or confirmed. */
    Optional<FamilyReport> earlier(Reminder reminder, ReportKind kind) {
        return reports.findOpenOrConfirmed(reminder.loanId(), kind.name(), reminder.dueOn());
    }

    /** Records the family's report; runs in the transaction that marks the link used. */
    FamilyReport receive(Reminder reminder, ReportKind kind, String tokenId, @Nullable String comment, Instant at) {
        FamilyReport saved = reports.save(new FamilyReport(null, kind, reminder.loanId(), reminder.householdId(),
                reminder.id(), reminder.dueOn(), tokenId, comment, at, LocalDate.ofInstant(at, JapanTime.ZONE),
                ReportState.RECEIVED, null, null, null, null, null, null));
        auditLog.system(AuditAction.CREATE, "/family/links/{token}", "family_report", saved.id(), reminder.householdId(),
                "family reported " + kind.name() + " from reminder " + reminder.id());
        return saved;
    }

    /**
     * Staff confirm the report. A plan application is recorded as the loan's plan step on {@code on} (default: the day
     * the family reported); if staff already recorded it, the report is only closed. A check request needs a note of
     * what was arranged.
     */
    public FamilyReport confirm(Actor actor, long id, @Valid Confirmation confirmation) {
        return transactions.executeWrite(status -> {
            FamilyReport report = get(id);
            ExpectedVersion.check(confirmation.version(), report.version());
            requireReceived(report, "確認");
            LocalDate today = JapanTime.today(clock);
            LocalDate on = confirmation.on() == null ? report.reportedOn() : confirmation.on();
            List<FieldError> errors = new ArrayList<>();
            Dates.notInFuture(errors, "on", on, today);
            String note = confirmation.note() == null || confirmation.note().isBlank() ? null : confirmation.note().strip();
            if (report.kind() == ReportKind.CHECK_SCHEDULE_REQUESTED && note == null) {
                errors.add(new FieldError("note", "ご家族と調整した点検の日程などを記入してください"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            String detail = note;
            if (report.kind() == ReportKind.PLAN_APPLIED) {
                Loan loan = loans.get(report.loanId());
                if (loan.planStatus() == PlanStatus.NOT_APPLIED) {
                    planSteps.recordPlanStep(actor, loan.id(), new EvacuationPlanSteps.PlanStepRecord(
                            PlanStep.APPLIED_TO_MUNICIPALITY, on,
                            "ご家族からの報告（メールのリンク、報告番号 " + id + "）" + (note == null ? "" : "：" + note), null));
                } else {
                    detail = "計画の申請は記録済みでした" + (note == null ? "" : "：" + note);
                }
            }
            FamilyReport saved = reports.update(report.handled(ReportState.CONFIRMED, actor.userId(), clock.instant(), on,
                    detail));
            audit(actor, saved, "confirm");
            return saved;
        });
    }

    /** Staff set a report aside (pressed by mistake, a duplicate...), with the reason. */
    public FamilyReport dismiss(Actor actor, long id, @Valid Dismissal dismissal) {
        return transactions.executeWrite(status -> {
            FamilyReport report = get(id);
            ExpectedVersion.check(dismissal.version(), report.version());
            requireReceived(report, "対応不要に");
            FamilyReport saved = reports.update(report.handled(ReportState.DISMISSED, actor.userId(), clock.instant(),
                    JapanTime.today(clock), dismissal.reason().strip()));
            audit(actor, saved, "dismiss");
            return saved;
        });
    }

    private static void requireReceived(FamilyReport report, String action) {
        if (report.state() != ReportState.RECEIVED) {
            throw new IllegalTransitionException("「" + report.state().label() + "」の報告は" + action + "できません",
                    report.state().name(), List.of());
        }
    }

    private void audit(Actor actor, FamilyReport report, String action) {
        auditLog.changed(actor.viewer(), AuditAction.TRANSITION, "/api/family-reports/{id}/" + action, "family_report",
                report.id(), report.householdId(), action + " " + report.kind().name());
    }
}
