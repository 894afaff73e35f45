package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * 世帯の一括登録 for API clients, through the same {@link HouseholdImport} as the page: a dry run of an uploaded list,
 * its confirmation by the digest of what was seen, and the blank template.
 */
@Tag(name = "世帯")
@Controller("/api/households/import")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
class HouseholdImportController {
    private final HouseholdImport imports;

    HouseholdImportController(HouseholdImport imports) {
        this.imports = imports;
    }

    /** A dry run as the API shows it; {@code confirmable} when no row is refused. */
    @Serdeable
    record DryRunView(UUID id, String fileName, String format, String digest, long created, long updated, long refused,
                      boolean confirmable, List<RowView> rows) {
        static DryRunView of(DryRun dryRun) {
            return new DryRunView(dryRun.id(), dryRun.fileName(), dryRun.format(), dryRun.digest(), dryRun.createdCount(),
                    dryRun.updatedCount(), dryRun.refusedCount(), dryRun.refusedCount() == 0,
                    dryRun.rows().stream().map(RowView::of).toList());
        }
    }

    @Serdeable
    record RowView(int row, RowOutcome.Outcome outcome, String outcomeLabel, String subject, List<ProblemView> problems) {
        static RowView of(RowOutcome row) {
            return new RowView(row.row(), row.outcome(), row.outcome().label(), row.subject(), row.problems().stream()
                    .map(p -> new ProblemView(p.column(), p.message(), p.text())).toList());
        }
    }

    @Serdeable
    record ProblemView(@Nullable String column, String message, String text) {
    }

    @Serdeable
    record ConfirmRequest(@NotBlank(message = "確認した内容のdigestを入れてください") @Size(max = 128) String digest) {
    }

    @Serdeable
    record ConfirmationView(boolean written, long created, long updated, DryRunView dryRun) {
    }

    @Operation(summary = "世帯の一括登録：ファイルを読み込んで確認する（ドライラン。何も登録しません）",
            description = "multipart/form-data の file に Excel ブック（.xlsx）か CSV（UTF-8 または Shift_JIS/CP932）。"
                    + "1行ごとに新規・更新・取込不可（行・列・理由）を返します。ファイルは1時間、送った本人の確認のために保管されます。"
                    + "読めないファイル（表計算でない、パスワード付き、10,000行超、見出しが見つからない）は 422 unprocessable-file で理由を返します。")
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    DryRunView dryRun(Viewer viewer, @Nullable CompletedFileUpload file) throws IOException {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            throw new InvalidInputException("file", "読み込むファイルを添付してください");
        }
        return DryRunView.of(imports.dryRun(viewer, file.getInputStream(), file.getFilename()));
    }

    @Operation(summary = "世帯の一括登録：確認した内容で登録する",
            description = "ドライランの digest を送ります。取込不可の行がなく、ファイルを読み直した結果が確認した内容と同じときだけ、"
                    + "すべての行を1つのトランザクションで登録します（written=true）。内容が変わっていたときは何も登録せず、"
                    + "409 と新しいドライランを返します。1時間を過ぎたもの、他の方のものは 404。")
    @Post(value = "/{id}/confirm", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<ConfirmationView> confirm(Viewer viewer, @PathVariable UUID id, @Body @Valid ConfirmRequest body)
            throws IOException {
        HouseholdImport.Confirmation done = imports.confirm(viewer, id, body.digest());
        DryRun dryRun = done.dryRun();
        ConfirmationView view = new ConfirmationView(done.written(), done.written() ? dryRun.createdCount() : 0,
                done.written() ? dryRun.updatedCount() : 0, DryRunView.of(dryRun));
        return HttpResponse.status(done.written() ? HttpStatus.OK : HttpStatus.CONFLICT).body(view);
    }

    @Operation(summary = "世帯の一括登録のテンプレート（Excel）",
            description = "見出しの行（固定）、記入例1行、シート「記入のしかた」。")
    @Get(value = "/template.xlsx", produces = XlsxExport.CONTENT_TYPE)
    HttpResponse<byte[]> templateXlsx() {
        return attachment(HouseholdImportTemplate.xlsx(), XlsxExport.CONTENT_TYPE, "household-import-template.xlsx",
                HouseholdImportTemplate.XLSX_NAME);
    }

    @Operation(summary = "世帯の一括登録のテンプレート（CSV、UTF-8 BOM付き）")
    @Get(value = "/template.csv", produces = ExcelCsv.CONTENT_TYPE)
    HttpResponse<byte[]> templateCsv() {
        return attachment(HouseholdImportTemplate.csv(), ExcelCsv.CONTENT_TYPE, "household-import-template.csv",
                HouseholdImportTemplate.CSV_NAME);
    }

    private static HttpResponse<byte[]> attachment(byte[] content, String type, String asciiName, String name) {
        return HttpResponse.ok(content).contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                + asciiName + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
