package jp.inochi.loans;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.time.LocalDate;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.InformationRequest;
import jp.inochi.applications.Refusal;
import jp.inochi.applications.StepCommand;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.loans.LoanApplications.Decision;
import jp.inochi.loans.LoanApplications.DeviceAssignment;
import jp.inochi.loans.LoanApplications.Handover;
import jp.inochi.loans.LoanApplications.NewLoanApplication;
import jp.inochi.loans.model.LoanApplicationState;

@Tag(name = "貸与申請")
@Controller("/api/loan-applications")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class LoanApplicationController {
    private final LoanApplications applications;
    private final LoanTermExceptions termExceptions;
    private final LoanViews views;

    LoanApplicationController(LoanApplications applications, LoanTermExceptions termExceptions, LoanViews views) {
        this.applications = applications;
        this.termExceptions = termExceptions;
        this.views = views;
    }

    @Serdeable
    record LoanApplicationView(long id, long programApplicationId, long householdId, LoanApplicationState state,
                               String stateLabel, LocalDate receivedOn, @Nullable String informationRequest,
                               @Nullable LocalDate decidedOn, @Nullable String decisionReason,
                               @Nullable Long deviceId, @Nullable LocalDate deviceAssignedOn,
                               @JsonInclude(JsonInclude.Include.ALWAYS) List<String> allowedActions, long version) {
    }

    @Operation(summary = "貸与申請の一覧（状態・世帯で絞り込み）")
    @Get
    List<LoanApplicationView> list(@Nullable @QueryValue LoanApplicationState state, @Nullable @QueryValue Long householdId) {
        return applications.list(state, householdId).stream().map(this::view).toList();
    }

    @Operation(summary = "貸与申請を受け付ける（事業利用申請の承認後のみ）")
    @Post
    HttpResponse<LoanApplicationView> receive(Viewer viewer, @Body @Valid NewLoanApplication body) {
        return HttpResponse.created(view(applications.receive(Actor.of(viewer), body)));
    }

    @Operation(summary = "貸与申請")
    @Get("/{id}")
    LoanApplicationView get(long id) {
        return view(applications.get(id));
    }

    @Operation(summary = "貸与申請の経過")
    @Get("/{id}/history")
    List<LifecycleEvent> history(long id) {
        return applications.history(id);
    }

    @Operation(summary = "審査を開始する")
    @Post("/{id}/start-review")
    LoanApplicationView startReview(Viewer viewer, long id, @Body @Valid StepCommand body) {
        return view(applications.startReview(Actor.of(viewer), id, body));
    }

    @Operation(summary = "ご家族に追加情報を依頼する")
    @Post("/{id}/request-information")
    LoanApplicationView requestInformation(Viewer viewer, long id, @Body @Valid InformationRequest body) {
        return view(applications.requestInformation(Actor.of(viewer), id, body));
    }

    @Operation(summary = "追加情報を受け取り審査を再開する")
    @Post("/{id}/resume-review")
    LoanApplicationView resumeReview(Viewer viewer, long id, @Body @Valid StepCommand body) {
        return view(applications.resumeReview(Actor.of(viewer), id, body));
    }

    @Operation(summary = "貸与を決定する")
    @Post("/{id}/approve")
    LoanApplicationView approve(Viewer viewer, long id, @Body @Valid Decision body) {
        return view(applications.approve(Actor.of(viewer), id, body));
    }

    @Operation(summary = "却下する（理由は必須）")
    @Post("/{id}/reject")
    LoanApplicationView reject(Viewer viewer, long id, @Body @Valid Refusal body) {
        return view(applications.reject(Actor.of(viewer), id, body));
    }

    @Operation(summary = "取下げを記録する（割当済みの装置は貸出可能に戻る）")
    @Post("/{id}/withdraw")
    LoanApplicationView withdraw(Viewer viewer, long id, @Body @Valid Refusal body) {
        return view(applications.withdraw(Actor.of(viewer), id, body));
    }

    @Operation(summary = "装置を割り当てる（貸出可能な正弦波インバーター発電機のみ）")
    @Post("/{id}/assign-device")
    LoanApplicationView assignDevice(Viewer viewer, long id, @Body @Valid DeviceAssignment body) {
        return view(applications.assignDevice(Actor.of(viewer), id, body));
    }

    @Operation(summary = "装置の割当を解除する")
    @Post("/{id}/release-device")
    LoanApplicationView releaseDevice(Viewer viewer, long id, @Body @Valid StepCommand body) {
        return view(applications.releaseDevice(Actor.of(viewer), id, body));
    }

    @Operation(summary = "装置を引き渡し、貸与を開始する（貸与条件への同意を記録）")
    @Post("/{id}/hand-over")
    HttpResponse<LoanViews.LoanView> handOver(Viewer viewer, long id, @Body @Valid Handover body) {
        return HttpResponse.created(views.loan(applications.handOver(Actor.of(viewer), id, body)));
    }

    @Operation(summary = "最長5年間（児童ごとの通算）の例外を記録する（センター管理者のみ、理由10文字以上）")
    @Post("/{id}/term-exception")
    HttpResponse<LoanTermException> termException(Viewer viewer, long id,
                                                  @Body @Valid LoanTermExceptions.TermExceptionRequest body) {
        return HttpResponse.created(termExceptions.record(Actor.of(viewer), id, body));
    }

    private LoanApplicationView view(LoanApplication a) {
        return new LoanApplicationView(a.id(), a.programApplicationId(), a.householdId(), a.state(), a.state().label(),
                a.receivedOn(), a.informationRequest(), a.decidedOn(), a.decisionReason(), a.deviceId(),
                a.deviceAssignedOn(), applications.allowedActions(a), a.version());
    }
}
