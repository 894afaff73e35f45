package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.Obligation;
import jp.inochi.reminders.model.DeliveryRetries;
import jp.inochi.reminders.model.NotSentBecause;
import jp.inochi.reminders.model.Recipient;
import jp.inochi.reminders.model.ReminderPolicy;
import jp.inochi.reminders.model.ReminderState;
import jp.inochi.reminders.model.ReportKind;
import jp.inochi.reminders.model.ReportState;

@Tag(name = "リマインダー")
@Controller("/api")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReminderController {
    private final ReminderRepository reminders;
    private final ReminderSweep sweep;
    private final ReminderPolicy policy;
    private final FamilyReports reports;
    private final HouseholdRepository households;
    private final AuditLog auditLog;
    private final Clock clock;

    ReminderController(ReminderRepository reminders, ReminderSweep sweep, ReminderPolicy policy, FamilyReports reports,
                       HouseholdRepository households, AuditLog auditLog, Clock clock) {
        this.reminders = reminders;
        this.sweep = sweep;
        this.policy = policy;
        this.reports = reports;
        this.households = households;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    record ReminderView(long id, long loanId, long householdId, Obligation obligation, String obligationLabel,
                        String ruleId, Recipient recipient, LocalDate dueOn, LocalDate sendOn, LocalDate sweptOn,
                        ReminderState state, String stateLabel, @Nullable NotSentBecause notSentBecause,
                        @Nullable String notSentLabel, @Nullable Long messageId, @Nullable Long staffDigestId) {

        static ReminderView of(Reminder r) {
            return new ReminderView(r.id(), r.loanId(), r.householdId(), r.obligation(), r.obligation().label(),
                    r.ruleId(), r.recipient(), r.dueOn(), r.sendOn(), r.sweptOn(), r.state(), r.state().label(),
                    r.notSentBecause(), r.notSentBecause() == null ? null : r.notSentBecause().label(), r.messageId(),
                    r.staffDigestId());
        }
    }

    @Serdeable
    record RuleView(String id, Obligation obligation, String obligationLabel, Recipient recipient, int offsetDays,
                    String when) {
    }

    @Serdeable
    record PolicyView(List<RuleView> rules, LocalTime familyDigestAt, LocalTime staffDigestAt, DeliveryRetriesView delivery,
                      int linkValidDays, int sweepChunkSize) {
    }

    @Serdeable
    record DeliveryRetriesView(int maxAttempts, String firstRetryAfter, double backoffMultiplier, String longestWait,
                              String lease, int batchSize) {

        static DeliveryRetriesView of(DeliveryRetries d) {
            return new DeliveryRetriesView(d.maxAttempts(), d.firstRetryAfter().toString(), d.backoffMultiplier(),
                    d.longestWait().toString(), d.lease().toString(), d.batchSize());
        }
    }

    @Serdeable
    record FamilyReportView(long id, ReportKind kind, String kindLabel, long loanId, long householdId, String childName,
                            LocalDate obligationDueOn, LocalDate reportedOn, Instant reportedAt, @Nullable String comment,
                            ReportState state, String stateLabel, @Nullable LocalDate handledOn,
                            @Nullable String handledNote, @Nullable Long version) {
    }

    @Operation(summary = "リマインダーの一覧（貸与・世帯・状態・メールで絞り込み、送信日の新しい順）")
    @Get("/reminders")
    List<ReminderView> list(@Nullable @QueryValue Long loanId, @Nullable @QueryValue Long householdId,
                            @Nullable @QueryValue ReminderState state, @Nullable @QueryValue Long messageId,
                            @QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return reminders.search(loanId, householdId, state == null ? null : state.name(), messageId, size,
                (long) page * size).stream().map(ReminderView::of).toList();
    }

    @Operation(summary = "お知らせの方針（schedules/reminders.yml の内容）")
    @Get("/reminders/policy")
    PolicyView policy() {
        return new PolicyView(policy.rules().stream().map(r -> new RuleView(r.id(), r.obligation(),
                r.obligation().label(), r.recipient(), r.offsetDays(), r.offsetDays() < 0 ? "期限の" + (-r.offsetDays()) + "日前"
                : r.offsetDays() == 0 ? "期限の当日" : "期限の" + r.offsetDays() + "日後")).toList(),
                policy.familyDigestAt(), policy.staffDigestAt(), DeliveryRetriesView.of(policy.delivery()),
                policy.linkValidDays(), policy.sweepChunkSize());
    }

    @Operation(summary = "期限を今すぐ確認し、送るべきお知らせを送信待ちに入れる（管理者。通常は毎時自動）")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/reminders/sweep")
    ReminderSweep.SweepReport sweep() {
        return sweep.run(clock.instant());
    }

    @Operation(summary = "ご家族からの報告（メールのリンクから）の一覧")
    @Get("/family-reports")
    List<FamilyReportView> familyReports(Viewer viewer, @Nullable @QueryValue ReportState state,
                                         @Nullable @QueryValue Long householdId,
                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                         @QueryValue(defaultValue = "100") @Min(1) @Max(500) int size) {
        return views(viewer, "/api/family-reports", reports.search(state, householdId, page, size));
    }

    @Operation(summary = "ご家族からの報告")
    @Get("/family-reports/{id}")
    FamilyReportView familyReport(Viewer viewer, long id) {
        return views(viewer, "/api/family-reports/{id}", List.of(reports.get(id))).get(0);
    }

    @Operation(summary = "ご家族からの報告を確認する（計画の申請は貸与に記録されます）")
    @Post("/family-reports/{id}/confirm")
    FamilyReportView confirm(Viewer viewer, long id, @Body @Valid FamilyReports.Confirmation body) {
        return views(viewer, "/api/family-reports/{id}/confirm", List.of(reports.confirm(Actor.of(viewer), id, body))).get(0);
    }

    @Operation(summary = "ご家族からの報告を対応不要にする（理由は必須）")
    @Post("/family-reports/{id}/dismiss")
    FamilyReportView dismiss(Viewer viewer, long id, @Body @Valid FamilyReports.Dismissal body) {
        return views(viewer, "/api/family-reports/{id}/dismiss", List.of(reports.dismiss(Actor.of(viewer), id, body))).get(0);
    }

    /** Reports carry the child's name and the family's comment: showing them is an audited read. */
    private List<FamilyReportView> views(Viewer viewer, String resource, List<FamilyReport> found) {
        Map<Long, Household> byId = new LinkedHashMap<>();
        found.forEach(r -> byId.computeIfAbsent(r.householdId(), id -> households.findById(id).orElseThrow()));
        auditLog.householdsRead(viewer, resource,
                byId.keySet().stream().map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
        return found.stream().map(r -> {
            Household h = byId.get(r.householdId());
            return new FamilyReportView(r.id(), r.kind(), r.kind().label(), r.loanId(), r.householdId(),
                    h.childFamilyName() + " " + h.childGivenName(), r.obligationDueOn(), r.reportedOn(), r.reportedAt(),
                    r.comment(), r.state(), r.state().label(), r.handledOn(), r.handledNote(), r.version());
        }).toList();
    }
}
