package jp.inochi.applications;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.applications.ProgramApplications.Approval;
import jp.inochi.applications.ProgramApplications.NewProgramApplication;
import jp.inochi.applications.ProgramApplications.SubsidyException;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleEvent;

@Tag(name = "事業利用申請")
@Controller("/api/program-applications")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class ProgramApplicationController {
    private static final String RESOURCE = "/api/program-applications/{id}";

    private final ProgramApplications applications;
    private final AuditLog auditLog;

    ProgramApplicationController(ProgramApplications applications, AuditLog auditLog) {
        this.applications = applications;
        this.auditLog = auditLog;
    }

    @Operation(summary = "事業利用申請の一覧（状態・世帯で絞り込み）")
    @Get
    List<ProgramApplicationView> list(Viewer viewer, @Nullable @QueryValue ProgramApplicationState state,
                                      @Nullable @QueryValue Long householdId) {
        List<ProgramApplication> found = applications.list(state, householdId);
        audit(viewer, "/api/program-applications", found.stream().map(ProgramApplication::householdId).toList());
        return found.stream().map(a -> ProgramApplicationView.summary(a, applications.allowedActions(a))).toList();
    }

    @Operation(summary = "事業利用申請を受け付ける")
    @Post
    HttpResponse<ProgramApplicationView> receive(Viewer viewer, @Body @Valid NewProgramApplication body) {
        return HttpResponse.created(view(viewer, applications.receive(Actor.of(viewer), body)));
    }

    @Operation(summary = "事業利用申請（対象要件の判定理由つき）")
    @Get("/{id}")
    ProgramApplicationView get(Viewer viewer, long id) {
        return view(viewer, applications.get(id));
    }

    @Operation(summary = "事業利用申請の経過（誰が・いつ・なぜ・前後の状態）")
    @Get("/{id}/history")
    List<LifecycleEvent> history(Viewer viewer, long id) {
        audit(viewer, "/api/program-applications/{id}/history", List.of(applications.get(id).householdId()));
        return applications.history(id);
    }

    @Operation(summary = "審査を開始する")
    @Post("/{id}/start-review")
    ProgramApplicationView startReview(Viewer viewer, long id, @Body @Valid StepCommand body) {
        return view(viewer, applications.startReview(Actor.of(viewer), id, body));
    }

    @Operation(summary = "ご家族に追加情報を依頼する")
    @Post("/{id}/request-information")
    ProgramApplicationView requestInformation(Viewer viewer, long id, @Body @Valid InformationRequest body) {
        return view(viewer, applications.requestInformation(Actor.of(viewer), id, body));
    }

    @Operation(summary = "追加情報を受け取り審査を再開する")
    @Post("/{id}/resume-review")
    ProgramApplicationView resumeReview(Viewer viewer, long id, @Body @Valid StepCommand body) {
        return view(viewer, applications.resumeReview(Actor.of(viewer), id, body));
    }

    @Operation(summary = "市町村の助成制度を活用できない理由を記録する")
    @Post("/{id}/subsidy-exception")
    ProgramApplicationView subsidyException(Viewer viewer, long id, @Body @Valid SubsidyException body) {
        return view(viewer, applications.recordSubsidyException(Actor.of(viewer), id, body));
    }

    @Operation(summary = "承認する（該当する理由は書面の理由を添えて上書き）")
    @Post("/{id}/approve")
    ProgramApplicationView approve(Viewer viewer, long id, @Body @Valid Approval body) {
        return view(viewer, applications.approve(Actor.of(viewer), id, body));
    }

    @Operation(summary = "却下する（理由は必須）")
    @Post("/{id}/reject")
    ProgramApplicationView reject(Viewer viewer, long id, @Body @Valid Refusal body) {
        return view(viewer, applications.reject(Actor.of(viewer), id, body));
    }

    @Operation(summary = "取下げを記録する（理由は必須）")
    @Post("/{id}/withdraw")
    ProgramApplicationView withdraw(Viewer viewer, long id, @Body @Valid Refusal body) {
        return view(viewer, applications.withdraw(Actor.of(viewer), id, body));
    }

    /** Application texts (e.g. why a subsidy can't be used) are the family's personal data: showing them is a read. */
    private void audit(Viewer viewer, String resource, List<Long> householdIds) {
        auditLog.householdsRead(viewer, resource, householdIds.stream().distinct()
                .map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
    }

    /** The eligibility reasons show the family's care facts, so showing them is a household read. */
    private ProgramApplicationView view(Viewer viewer, ProgramApplication application) {
        auditLog.householdsRead(viewer, RESOURCE, List.of(new HouseholdAccess(application.householdId(), AccessBasis.CENTER)));
        return ProgramApplicationView.detail(application, applications.eligibility(application),
                applications.overrides(application.id()), applications.allowedActions(application));
    }
}
