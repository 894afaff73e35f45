package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.DisasterEvents;
import jp.inochi.disasters.SafetyChecks;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.Reply;
import jp.inochi.platform.problem.NotFoundException;

/**
 * 安否確認: the campaign of an event (one email per affected family, with one-click replies) and the contacts staff and
 * municipal officers record while following up the families not reached.
 */
@Tag(name = "災害対応")
@Controller("/api/disaster-events/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class SafetyCheckController {
    static final int DEFAULT_REPLY_MINUTES = 180;

    private final DisasterEvents events;
    private final SafetyChecks safetyChecks;
    private final SafetyCheckPreview previews;
    private final Clock clock;

    SafetyCheckController(DisasterEvents events, SafetyChecks safetyChecks, SafetyCheckPreview previews, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.safetyChecks = safetyChecks;
        this.previews = previews;
    }

    @Serdeable
    record Start(@Nullable @Min(15) @Max(4320) Integer replyWithinMinutes, @Nullable @Size(max = 1000) String message,
                 @Nullable @Size(max = 100) String confirmation) {
    }

    @Serdeable
    record NewContact(@NotNull ContactMethod method, @NotNull ContactOutcome outcome, @Nullable Reply reply,
                      @Nullable @Size(max = 500) String detail, @Nullable Instant contactedAt) {
    }

    @Operation(summary = "安否確認メールのプレビュー（家族が受け取る文面、送る世帯数、メールで連絡できない世帯数）",
            description = "何も送りません。文面は対象の家族1世帯の実際の値で作ります（閲覧は監査ログに記録）。"
                    + "返る confirmation を開始（POST .../safety-check）に添えてください。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post("/safety-check/preview")
    SafetyCheckPreview.Preview preview(Viewer viewer, long id, @Body @Valid Start body) {
        return previews.preview(viewer, events.get(viewer, id), Duration.ofMinutes(minutes(body)), body.message(),
                "POST /api/disaster-events/{id}/safety-check/preview");
    }

    @Operation(summary = "安否確認を開始する（対象の全家族にメール1通。リンクで回答）",
            description = "回答の選択肢: 無事・在宅継続、避難済み（避難先）、電源が必要、支援が必要（内容）。"
                    + "replyWithinMinutes（既定180分）までに回答がない家族は未確認の一覧に入ります。メール連絡の同意や"
                    + "アドレスがない家族は、はじめから未確認です。メールは送信待ちを経由して1家族1通（再試行あり）。"
                    + "1つの災害対応につき1回です。先にプレビュー（POST .../safety-check/preview）で文面と件数を確かめ、"
                    + "その confirmation を添えてください。ないと400、プレビューの後で対象が変わっていると409で、何も送りません。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post("/safety-check")
    @Status(HttpStatus.CREATED)
    SafetyChecks.Campaign start(Viewer viewer, long id, @Body @Valid Start body) {
        return safetyChecks.start(viewer, events.get(viewer, id), Duration.ofMinutes(minutes(body)), body.message(),
                body.confirmation(), "POST /api/disaster-events/{id}/safety-check");
    }

    private static int minutes(Start body) {
        return body.replyWithinMinutes() == null ? DEFAULT_REPLY_MINUTES : body.replyWithinMinutes();
    }

    @Operation(summary = "安否確認の状況（メールの送信状況、回答期限）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER, Roles.AUDITOR})
    @Get("/safety-check")
    SafetyChecks.Campaign campaign(Viewer viewer, long id) {
        events.get(viewer, id);
        return safetyChecks.campaign(id, viewer.scope(clock)).orElseThrow(() -> new NotFoundException("この災害対応の安否確認"));
    }

    @Operation(summary = "電話・訪問の結果を記録する（連絡がついたらご家族の状況も）",
            description = "outcome: REACHED（連絡がついた。reply が必要）、NO_ANSWER、BUSY、WRONG_NUMBER、LEFT_MESSAGE。"
                    + "method: PHONE、VISIT、OTHER。記録は変更できません（訂正は新しい記録で）。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Post("/households/{householdId}/contacts")
    @Status(HttpStatus.CREATED)
    SafetyChecks.Contact record(Viewer viewer, long id, long householdId, @Body @Valid NewContact body) {
        return safetyChecks.recordContact(viewer, events.get(viewer, id), householdId, new SafetyChecks.NewContact(
                body.method(), body.outcome(), body.reply(), body.detail(), body.contactedAt()),
                "POST /api/disaster-events/{id}/households/{householdId}/contacts");
    }

    @Operation(summary = "1世帯への連絡の記録（メールのリンクでの回答、電話、訪問）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get("/households/{householdId}/contacts")
    List<SafetyChecks.Contact> contacts(Viewer viewer, long id, long householdId) {
        return safetyChecks.contacts(viewer, events.get(viewer, id), householdId,
                "GET /api/disaster-events/{id}/households/{householdId}/contacts");
    }
}
