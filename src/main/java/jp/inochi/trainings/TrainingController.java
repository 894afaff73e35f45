package jp.inochi.trainings;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.trainings.model.Attendance;

/** 研修会 as JSON: center staff only (a municipal officer is refused with 403, and the refusal audited). */
@Tag(name = "研修会")
@Controller("/api/trainings")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
class TrainingController {
    private static final String RESOURCE = "/api/trainings";

    private final TrainingSessions sessions;
    private final TrainingFamilies families;
    private final TrainingInvitations invitations;
    private final TrainingAttendance attendance;

    TrainingController(TrainingSessions sessions, TrainingFamilies families, TrainingInvitations invitations,
                       TrainingAttendance attendance) {
        this.sessions = sessions;
        this.families = families;
        this.invitations = invitations;
        this.attendance = attendance;
    }

    @Serdeable
    record SessionPage(List<TrainingSession> sessions, long total, int page) {
    }

    @Serdeable
    record SessionWithFamilies(TrainingSession session, List<TrainingFamilies.Family> attendees) {
    }

    @Serdeable
    record Invitation(@NotNull List<Long> householdIds, @Nullable @Size(max = 100) String confirmation) {
    }

    @Serdeable
    record Answer(@NotNull Long householdId, @NotNull Attendance attendance) {
    }

    @Serdeable
    record Answers(@NotNull List<Answer> answers) {
    }

    @Serdeable
    record Recorded(int recorded) {
    }

    @Operation(summary = "研修会の一覧（開催日の新しい順、50件ずつ）")
    @Get
    SessionPage list(@Nullable @QueryValue Integer page) {
        TrainingSessions.Found found = sessions.page(RESOURCE, page);
        return new SessionPage(found.rows().stream().map(TrainingSessions.Listed::session).toList(),
                found.pager().total(), found.pager().page());
    }

    @Operation(summary = "研修会を登録する")
    @Post
    HttpResponse<TrainingSession> plan(Viewer viewer, @Body @Valid SessionDetails body) {
        return HttpResponse.created(sessions.plan(viewer, body));
    }

    @Operation(summary = "研修会と招待した世帯（閲覧は監査ログに記録）")
    @Get("/{id}")
    SessionWithFamilies get(Viewer viewer, long id) {
        return new SessionWithFamilies(sessions.get(id), families.invited(viewer, id, RESOURCE + "/{id}"));
    }

    @Operation(summary = "招待できる世帯（貸与中または申請中で、まだ招待していない世帯。閲覧は監査ログに記録）")
    @Get("/{id}/candidates")
    List<TrainingFamilies.Family> candidates(Viewer viewer, long id) {
        sessions.get(id);
        return families.candidates(viewer, id, RESOURCE + "/{id}/candidates");
    }

    @Operation(summary = "招待メールのプレビュー（文面、送信する世帯数、メールで連絡できない世帯数、確認の印）")
    @Post("/{id}/invitations/preview")
    TrainingInvitations.Preview preview(Viewer viewer, long id, @Body @Valid Invitation body) {
        return invitations.preview(viewer, id, body.householdIds(), "POST " + RESOURCE + "/{id}/invitations/preview");
    }

    @Operation(summary = "招待する（プレビューの confirmation が必要。メールとリマインドを送信待ちに入れます）")
    @Post("/{id}/invitations")
    TrainingInvitations.Invited invite(Viewer viewer, long id, @Body @Valid Invitation body) {
        return invitations.invite(viewer, id, body.householdIds(), body.confirmation(),
                "POST " + RESOURCE + "/{id}/invitations");
    }

    @Operation(summary = "出欠を記録する（開催日以降）")
    @Post("/{id}/attendance")
    Recorded attendance(Viewer viewer, long id, @Body @Valid Answers body) {
        Map<Long, Attendance> byHousehold = new LinkedHashMap<>();
        body.answers().forEach(a -> byHousehold.put(a.householdId(), a.attendance()));
        return new Recorded(attendance.record(viewer, id, byHousehold, "POST " + RESOURCE + "/{id}/attendance"));
    }
}
