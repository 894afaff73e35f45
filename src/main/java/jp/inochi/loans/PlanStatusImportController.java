package jp.inochi.loans;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * 計画状況の一括更新 as an API: the template (the viewer's own households), the dry run of an uploaded sheet, and its
 * confirmation by the digest of the dry run the person saw. Rows outside the viewer's scope are refused, the rest applied.
 */
@Tag(name = "個別避難計画")
@Controller("/api/evacuation-plans/import")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanStatusImportController {
    static final String TEMPLATE = "/api/evacuation-plans/import/template";

    private final PlanStatusImport imports;
    private final PlanStatusTemplate template;

    PlanStatusImportController(PlanStatusImport imports, PlanStatusTemplate template) {
        this.imports = imports;
        this.template = template;
    }

    @Serdeable
    record RowView(int row, RowOutcome.Outcome outcome, String outcomeLabel, String subject, List<String> reasons) {
    }

    @Serdeable
    record DryRunView(UUID id, String fileName, String format, String digest, long updated, long unchanged,
                      long refused, List<RowView> rows) {
        static DryRunView of(DryRun dryRun) {
            return new DryRunView(dryRun.id(), dryRun.fileName(), dryRun.format(), dryRun.digest(),
                    dryRun.updatedCount(), dryRun.unchangedCount(), dryRun.refusedCount(), dryRun.rows().stream()
                    .map(r -> new RowView(r.row(), r.outcome(), r.outcome().label(), r.subject(),
                            r.problems().stream().map(p -> p.text()).toList())).toList());
        }
    }

    @Serdeable
    record ConfirmRequest(@NotBlank @Size(max = 128) String digest) {
    }

    @Serdeable
    record ConfirmationView(boolean written, DryRunView dryRun) {
    }

    @Operation(summary = "計画状況の一括更新のテンプレート（.xlsx。閲覧できる世帯の世帯番号・氏名・現在の日付入り）",
            description = "世帯ごとにエクスポートとして監査ログに記録します。")
    @Get(value = "/template", produces = XlsxExport.CONTENT_TYPE)
    HttpResponse<byte[]> template(Viewer viewer) {
        return HttpResponse.ok(template.write(viewer, TEMPLATE)).contentType(XlsxExport.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-status-template.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode("計画状況_一括更新.xlsx", StandardCharsets.UTF_8));
    }

    @Operation(summary = "計画状況の一括更新：試行（何も書き込みません）",
            description = "multipart の file（.xlsx または CSV。列: 世帯番号、申請日、受理日、作成完了日）。行ごとに 更新・変更なし・"
                    + "取込できない（行・列・理由）を返します。確定には id と digest を使います（1時間有効）。")
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    DryRunView dryRun(Viewer viewer, CompletedFileUpload file) throws IOException {
        return DryRunView.of(imports.dryRun(viewer, file.getInputStream(), file.getFilename()));
    }

    @Operation(summary = "計画状況の一括更新：確定（試行と同じ結果のときだけ。取込できない行は飛ばします）",
            description = "結果が試行から変わっていたら何も反映せず、written=false と新しい試行結果を返します。")
    @Post("/{id}/confirm")
    ConfirmationView confirm(Viewer viewer, UUID id, @Body @Valid ConfirmRequest body) throws IOException {
        PlanStatusImport.Confirmation done = imports.confirm(viewer, id, body.digest());
        return new ConfirmationView(done.written(), DryRunView.of(done.dryRun()));
    }
}
