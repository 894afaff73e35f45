package jp.inochi.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Role;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * The audit log for center admins and auditors: search and CSV export, both themselves audited.
 * Read-only by design: there is no endpoint that changes or removes an entry (and the table refuses it).
 */
@Tag(name = "監査ログ")
@Controller("/api/audit-log")
@Secured({Roles.CENTER_ADMIN, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditLogController {
    static final int DEFAULT_MAX_EXPORT_ROWS = 100_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    static final List<String> CSV_HEADER = AuditExport.CSV_HEADER;

    private final AuditSearch search;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int maxExportRows;

    AuditLogController(AuditSearch search, AuditLog auditLog, Clock clock,
                       @Value("${inochi.audit.max-export-rows:" + DEFAULT_MAX_EXPORT_ROWS + "}") int maxExportRows) {
        this.search = search;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxExportRows = maxExportRows;
    }

    @Serdeable
    record EntryView(long id, Instant occurredAt, @Nullable Long actorUserId, String actorUsername, String actorRole,
                     String actorRoleLabel, @Nullable String clientAddress, AuditAction action, String actionLabel,
                     String resource, @Nullable String subjectType, @Nullable String subjectId, @Nullable Long householdId,
                     @Nullable AccessBasis basis, @Nullable String basisLabel, @Nullable Long declarationId,
                     @Nullable Integer rowCount, @Nullable String detail) {

        static EntryView of(AuditEntry entry) {
            return new EntryView(entry.id(), entry.occurredAt(), entry.actorUserId(), entry.actorUsername(),
                    entry.actorRole(), roleLabel(entry.actorRole()), entry.clientAddress(), entry.action(),
                    entry.action().label(), entry.resource(), entry.subjectType(), entry.subjectId(), entry.householdId(),
                    entry.basis(), entry.basis() == null ? null : entry.basis().label(), entry.declarationId(),
                    entry.rowCount(), entry.detail());
        }
    }

    @Serdeable
    record SearchResult(List<EntryView> entries, int page, int size, long total) {
    }

    @Operation(summary = "監査ログを検索する（利用者・世帯・操作・根拠・期間）",
            description = "from/to は日付（2026-07-01、日本時間のその日全体）または日時（2026-07-01T09:00:00+09:00）。新しい順。")
    @Get
    SearchResult search(Viewer viewer,
                        @Nullable @QueryValue Long userId,
                        @Nullable @QueryValue @Size(max = 64) String username,
                        @Nullable @QueryValue Long householdId,
                        @Nullable @QueryValue @Size(max = 32) String action,
                        @Nullable @QueryValue @Size(max = 32) String basis,
                        @Nullable @QueryValue @Size(max = 40) String from,
                        @Nullable @QueryValue @Size(max = 40) String to,
                        @Nullable @QueryValue @Size(max = 64) String subjectType,
                        @Nullable @QueryValue @Size(max = 64) String subjectId,
                        @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @QueryValue(defaultValue = "100") @Min(1) @Max(500) int size) {
        AuditFilter filter = filter(userId, username, householdId, action, basis, from, to, subjectType, subjectId);
        AuditSearch.Page found = search.search(filter, page, size);
        auditLog.auditLogViewed(viewer, AuditAction.READ, "GET /api/audit-log", found.entries().size(), filter.describe());
        return new SearchResult(found.entries().stream().map(EntryView::of).toList(), page, size, found.total());
    }

    @Operation(summary = "監査ログをCSVまたはExcelで出力する（CSV: UTF-8 BOM付き、CRLF。format=xlsx: Excel のブック）",
            description = "検索と同じ条件。出力も監査ログに記録されます。上限 10万行（条件を絞ってください）。")
    @Get("/export")
    @Produces({ExcelCsv.CONTENT_TYPE, XlsxExport.CONTENT_TYPE})
    HttpResponse<byte[]> export(Viewer viewer,
                                @Nullable @QueryValue @Pattern(regexp = "csv|xlsx", message = "形式は csv または xlsx です") String format,
                                @Nullable @QueryValue Long userId,
                                @Nullable @QueryValue @Size(max = 64) String username,
                                @Nullable @QueryValue Long householdId,
                                @Nullable @QueryValue @Size(max = 32) String action,
                                @Nullable @QueryValue @Size(max = 32) String basis,
                                @Nullable @QueryValue @Size(max = 40) String from,
                                @Nullable @QueryValue @Size(max = 40) String to,
                                @Nullable @QueryValue @Size(max = 64) String subjectType,
                                @Nullable @QueryValue @Size(max = 64) String subjectId) {
        AuditFilter filter = filter(userId, username, householdId, action, basis, from, to, subjectType, subjectId);
        long count = search.count(filter);
        if (count > maxExportRows) {
            throw new InvalidInputException("from", "該当が" + count + "行あり、一度に出力できる" + maxExportRows
                    + "行を超えています。期間などの条件を絞ってください");
        }
        List<AuditEntry> entries = search.export(filter, maxExportRows);
        boolean xlsx = "xlsx".equals(format);
        auditLog.auditLogViewed(viewer, AuditAction.EXPORT, "GET /api/audit-log/export" + (xlsx ? "?format=xlsx" : ""),
                entries.size(), filter.describe());
        String file = "audit-log-" + FILE_TIME.format(clock.instant().atZone(JapanTime.ZONE)) + (xlsx ? ".xlsx" : ".csv");
        byte[] bytes = xlsx ? AuditExport.xlsx(entries, viewer, clock.instant(), filter.describe()) : AuditExport.csv(entries);
        return HttpResponse.ok(bytes)
                .contentType(xlsx ? XlsxExport.CONTENT_TYPE : ExcelCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
    }

    private static AuditFilter filter(@Nullable Long userId, @Nullable String username, @Nullable Long householdId,
                                      @Nullable String action, @Nullable String basis, @Nullable String from,
                                      @Nullable String to, @Nullable String subjectType, @Nullable String subjectId) {
        AuditFilterInput.Read read = new AuditFilterInput(userId, username, householdId, action, basis, from, to,
                subjectType, subjectId).read();
        if (!read.errors().isEmpty()) {
            throw new InvalidInputException(read.errors());
        }
        return read.filter();
    }

    static String roleLabel(String role) {
        return switch (role) {
            case "SYSTEM" -> "システム";
            case AuditLog.NO_ROLE -> "（なし）";
            default -> {
                try {
                    yield Role.valueOf(role).label();
                } catch (IllegalArgumentException unknown) {
                    yield role;
                }
            }
        };
    }
}
