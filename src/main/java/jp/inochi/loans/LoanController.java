package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.devices.DeviceRepair;
import jp.inochi.devices.DeviceRepairs;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.loans.LoanViews.LoanView;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.Obligation;

@Tag(name = "貸与")
@Controller("/api/loans")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class LoanController {
    private final Loans loans;
    private final LoanReturns returns;
    private final DueReturns dueReturns;
    private final EvacuationPlanSteps planSteps;
    private final LoanIncidents loanIncidents;
    private final TermsAcceptances termsAcceptances;
    private final LoanViews views;
    private final LoanWorkList workList;
    private final HouseholdRepository households;
    private final AuditLog auditLog;
    private final LoanDeviceSwaps swaps;
    private final DeviceRepairs repairs;

    LoanController(Loans loans, LoanReturns returns, DueReturns dueReturns, EvacuationPlanSteps planSteps,
                   LoanIncidents loanIncidents, TermsAcceptances termsAcceptances, LoanViews views, LoanWorkList workList,
                   HouseholdRepository households, AuditLog auditLog, LoanDeviceSwaps swaps, DeviceRepairs repairs) {
        this.swaps = swaps;
        this.repairs = repairs;
        this.loans = loans;
        this.returns = returns;
        this.dueReturns = dueReturns;
        this.planSteps = planSteps;
        this.loanIncidents = loanIncidents;
        this.termsAcceptances = termsAcceptances;
        this.views = views;
        this.workList = workList;
        this.households = households;
        this.auditLog = auditLog;
    }

    @Serdeable
    record DueObligationView(long loanId, long householdId, String childName, @Nullable String municipalityCode,
                             Obligation obligation, String obligationLabel, LocalDate dueOn, long daysUntilDue,
                             boolean overdue) {
    }

    @Operation(summary = "貸与の一覧（状態・世帯で絞り込み）")
    @Get
    List<LoanView> list(@Nullable @QueryValue LoanState state, @Nullable @QueryValue Long householdId) {
        return loans.list(state, householdId).stream().map(views::loan).toList();
    }

    @Operation(summary = "期限が近い・過ぎた義務（計画申請・年次確認・期間満了）の一覧")
    @Get("/due")
    List<DueObligationView> due(Viewer viewer, @QueryValue(defaultValue = "30") @Min(0) @Max(3660) int withinDays,
                                @Nullable @QueryValue Obligation obligation) {
        return named(viewer, "/api/loans/due", workList.dueWithin(withinDays, only(obligation)));
    }

    @Operation(summary = "期限を過ぎた義務の一覧")
    @Get("/overdue")
    List<DueObligationView> overdue(Viewer viewer, @Nullable @QueryValue Obligation obligation) {
        return named(viewer, "/api/loans/overdue", workList.overdue(only(obligation)));
    }

    @Operation(summary = "返還手続が必要な貸与（期間満了・転居・離脱）を今すぐ確認し開始する（管理者）")
    @Secured(Roles.CENTER_ADMIN)
    @Post("/sweep")
    DueReturns.SweepReport sweep() {
        return dueReturns.openDueReturns();
    }

    @Operation(summary = "貸与")
    @Get("/{id}")
    LoanView get(long id) {
        return views.loan(loans.get(id));
    }

    @Operation(summary = "貸与の経過（事業利用申請から返還まで、時系列）")
    @Get("/{id}/timeline")
    List<LifecycleEvent> timeline(Viewer viewer, long id) {
        auditRead(viewer, "/api/loans/{id}/timeline", loans.get(id).householdId());
        return loans.timeline(id);
    }

    @Operation(summary = "返還手続を開始する（理由は必須）")
    @Post("/{id}/return")
    LoanView openReturn(Viewer viewer, long id, @Body @Valid LoanReturns.ReturnRequest body) {
        return views.loan(returns.openReturn(Actor.of(viewer), id, body));
    }

    @Operation(summary = "誤って開始した返還手続を取り消す（期間満了は不可）")
    @Post("/{id}/cancel-return")
    LoanView cancelReturn(Viewer viewer, long id, @Body @Valid LoanReturns.Justification body) {
        return views.loan(returns.cancelReturn(Actor.of(viewer), id, body));
    }

    @Operation(summary = "返還された装置を受領する")
    @Post("/{id}/receive-device")
    LoanView receiveDevice(Viewer viewer, long id, @Body @Valid LoanReturns.DeviceReceipt body) {
        return views.loan(returns.receiveDevice(Actor.of(viewer), id, body));
    }

    @Operation(summary = "返還装置を点検し、貸与を終了する（装置は貸出可能・修理・廃棄へ）")
    @Post("/{id}/complete-return")
    LoanView completeReturn(Viewer viewer, long id, @Body @Valid LoanReturns.ReturnInspection body) {
        return views.loan(returns.completeReturn(Actor.of(viewer), id, body));
    }

    @Operation(summary = "装置の紛失により、装置を受領せずに貸与を終了する（返還手続中、紛失の記録が必要。装置は除籍）")
    @Post("/{id}/end-with-device-lost")
    LoanView endWithDeviceLost(Viewer viewer, long id, @Body @Valid LoanReturns.LossEnding body) {
        return views.loan(returns.endWithDeviceLost(Actor.of(viewer), id, body));
    }

    @Operation(summary = "個別避難計画の進捗（作成申請・受理・作成完了）を記録する")
    @Post("/{id}/plan-steps")
    LoanView recordPlanStep(Viewer viewer, long id, @Body @Valid EvacuationPlanSteps.PlanStepRecord body) {
        return views.loan(planSteps.recordPlanStep(Actor.of(viewer), id, body));
    }

    @Operation(summary = "紛失・破損の記録の一覧")
    @Get("/{id}/incidents")
    List<LoanIncident> incidents(Viewer viewer, long id) {
        auditRead(viewer, "/api/loans/{id}/incidents", loans.get(id).householdId());
        return loans.incidents(id);
    }

    @Operation(summary = "紛失・破損を記録する（費用とご家族の負担の有無）")
    @Post("/{id}/incidents")
    HttpResponse<LoanIncident> recordIncident(Viewer viewer, long id, @Body @Valid LoanIncidents.NewIncident body) {
        return HttpResponse.created(loanIncidents.recordIncident(Actor.of(viewer), id, body));
    }

    @Operation(summary = "貸与中の装置を別の正弦波発電機に交換する（期間・期限は変わらない。回収した装置は点検か修理へ）")
    @Post("/{id}/swap-device")
    LoanView swapDevice(Viewer viewer, long id, @Body @Valid LoanDeviceSwaps.DeviceSwap body) {
        return views.loan(swaps.swap(Actor.of(viewer), id, body));
    }

    @Operation(summary = "この貸与から回収した装置の修理（費用とご家族の負担の有無）")
    @Get("/{id}/repairs")
    List<DeviceRepair> repairs(Viewer viewer, long id) {
        auditRead(viewer, "/api/loans/{id}/repairs", loans.get(id).householdId());
        return repairs.ofLoan(id);
    }

    @Operation(summary = "貸与条件への同意の記録（送付・同意の履歴）")
    @Get("/{id}/terms-acceptances")
    List<TermsAcceptance> termsAcceptances(Viewer viewer, long id) {
        auditRead(viewer, "/api/loans/{id}/terms-acceptances", loans.get(id).householdId());
        return loans.termsAcceptances(id);
    }

    @Operation(summary = "貸与条件を再送する（郵送・メール）",
            description = "メールの場合は、貸与条件と同意用のリンクを sentTo へ送信します（送信前に同意済み・置き換え済みになった場合は送信しません）。")
    @Post("/{id}/terms-acceptances")
    HttpResponse<TermsAcceptance> resendTerms(Viewer viewer, long id, @Body @Valid TermsAcceptances.TermsResend body) {
        return HttpResponse.created(termsAcceptances.resendTerms(Actor.of(viewer), id, body));
    }

    @Operation(summary = "再送した貸与条件への同意を記録する")
    @Post("/{id}/terms-acceptances/{acceptanceId}/accept")
    TermsAcceptance acceptTerms(Viewer viewer, long id, long acceptanceId, @Body @Valid TermsAcceptances.TermsAcceptedLater body) {
        return termsAcceptances.acceptTerms(Actor.of(viewer), id, acceptanceId, body);
    }

    /** Timelines, incidents and terms carry the family's names and notes: showing them is an audited read. */
    private void auditRead(Viewer viewer, String resource, long householdId) {
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, AccessBasis.CENTER)));
    }

    private static Set<Obligation> only(@Nullable Obligation obligation) {
        return obligation == null ? EnumSet.allOf(Obligation.class) : EnumSet.of(obligation);
    }

    /** The sheet with each family's child's name, so staff know whom to call; showing it is an audited read. */
    private List<DueObligationView> named(Viewer viewer, String resource, List<DueObligation> due) {
        Map<Long, Household> byId = new LinkedHashMap<>();
        due.forEach(d -> byId.computeIfAbsent(d.householdId(), id -> households.findById(id).orElseThrow()));
        auditLog.householdsRead(viewer, resource,
                byId.keySet().stream().map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
        return due.stream().map(d -> {
            Household h = byId.get(d.householdId());
            return new DueObligationView(d.loanId(), d.householdId(), h.childFamilyName() + " " + h.childGivenName(),
                    h.municipalityCode(), d.obligation(), d.obligationLabel(), d.dueOn(), d.daysUntilDue(), d.overdue());
        }).toList();
    }
}
