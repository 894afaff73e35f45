package jp.inochi.evacuationplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/** A household's 個別避難計画 itself: read, versions, save (scoped to the households the viewer may see; audited). */
@Tag(name = "個別避難計画")
@Controller("/api/households/{id}/evacuation-plan")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class EvacuationPlanApiController {
    private final EvacuationPlans plans;
    private final PlanSaving saving;

    EvacuationPlanApiController(EvacuationPlans plans, PlanSaving saving) {
        this.plans = plans;
        this.saving = saving;
    }

    @Serdeable
    record SaveBody(@Nullable EvacuationPlan plan, @Nullable @Size(max = 200) List<@Size(max = 100) String> prefilled, @Nullable Boolean complete) {
    }

    @Operation(summary = "世帯の個別避難計画（現在の版。未保存なら Inochi の情報から作った下書き）",
            description = "saved=false の下書きは保存されていません。prefilled は Inochi が記入した項目です。ETag は版の番号です。")
    @Get
    HttpResponse<PlanDocument> get(@PathVariable long id, Viewer viewer) {
        PlanDocument document = plans.load(viewer, id, "GET /api/households/{id}/evacuation-plan");
        return document.version() == null ? HttpResponse.ok(document)
                : HttpResponse.ok(document).header(HttpHeaders.ETAG, "\"" + document.version() + "\"");
    }

    @Operation(summary = "個別避難計画の版の一覧（新しい順。current が現在の版）")
    @Get("/versions")
    List<PlanVersion> versions(@PathVariable long id, Viewer viewer) {
        return plans.versions(viewer, id, "GET /api/households/{id}/evacuation-plan/versions");
    }

    @Operation(summary = "個別避難計画を新しい版として保存する",
            description = "If-Match に読み込んだ版の番号を指定します（初回は省略可）。古い版なら 409。complete=true で作成完了とし、"
                    + "貸与の個別避難計画の状況も作成完了にします。電話番号のない避難支援等実施者は保存できません。"
                    + "同じ災害の区域内の避難先（警告）と消費電力のない医療機器（注意）は保存でき、findings で示します。")
    @Put
    HttpResponse<PlanDocument> save(@PathVariable long id, Viewer viewer, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Body @Valid SaveBody body) {
        PlanDocument document = saving.save(viewer, id, version(ifMatch), new PlanSaving.SaveCommand(body.plan(),
                body.prefilled(), Boolean.TRUE.equals(body.complete())), "PUT /api/households/{id}/evacuation-plan");
        return HttpResponse.ok(document).header(HttpHeaders.ETAG, "\"" + document.version() + "\"");
    }

    /** "3", "\"3\"" or W/"3"; anything else is refused in Japanese. */
    private static Integer version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldError("If-Match", "If-Match には版の番号（例: \"3\"）を指定してください")));
        }
    }
}
