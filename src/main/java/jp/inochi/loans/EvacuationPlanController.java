package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.loans.model.PlanStatus;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * 個別避難計画の状況 for the municipal disaster offices (and the center): only the households the viewer may see,
 * each read audited with its basis. No clinical detail: name, address, the plan's dates and status.
 */
@Tag(name = "個別避難計画")
@Controller("/api/evacuation-plans")
@Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
class EvacuationPlanController {
    private final LoanRepository loans;
    private final AuditLog auditLog;
    private final Clock clock;

    EvacuationPlanController(LoanRepository loans, AuditLog auditLog, Clock clock) {
        this.loans = loans;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    record PlanStatusView(long householdId, String childName, String address, @Nullable String municipalityCode,
                          @Nullable String wardCode, LocalDate loanStart, LocalDate planDeadline, PlanStatus planStatus,
                          String planStatusLabel, @Nullable LocalDate appliedOn, @Nullable LocalDate acceptedOn,
                          @Nullable LocalDate completedOn, boolean applicationOverdue) {
    }

    @Operation(summary = "個別避難計画の状況（閲覧できる世帯のみ）",
            description = "format: json（既定）、xlsx（Excel のブック。日付は和暦と西暦）。"
                    + "Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet でも選べます。"
                    + "ファイルは世帯ごとにエクスポートとして監査ログに記録します。")
    @Get(produces = {MediaType.APPLICATION_JSON, XlsxExport.CONTENT_TYPE})
    HttpResponse<?> list(Viewer viewer, @Nullable @QueryValue @Pattern(regexp = "json|xlsx",
            message = "形式は json または xlsx です") String format, HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        boolean xlsx = format != null ? format.equals("xlsx") : accept != null && accept.contains(XlsxExport.CONTENT_TYPE);
        if (!xlsx) {
            return HttpResponse.ok(read(viewer, null, "/api/evacuation-plans", false));
        }
        List<PlanStatusView> plans = read(viewer, null, "/api/evacuation-plans?format=xlsx", true);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(JapanTime.today(clock));
        return HttpResponse.ok(EvacuationPlanXlsx.write(plans, viewer, clock.instant())).contentType(XlsxExport.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evacuation-plans-" + day
                        + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode("個別避難計画_" + day + ".xlsx", StandardCharsets.UTF_8));
    }

    @Operation(summary = "世帯の個別避難計画の状況")
    @Get("/{householdId}")
    PlanStatusView get(Viewer viewer, long householdId) {
        return read(viewer, householdId, "/api/evacuation-plans/{householdId}", false).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("個別避難計画の状況"));
    }

    /** The visible rows, each audited with its basis: as a read, or as an export when they leave as a file. */
    private List<PlanStatusView> read(Viewer viewer, @Nullable Long householdId, String resource, boolean export) {
        AccessScope scope = viewer.scope(clock);
        List<EvacuationPlanStatusRow> rows = loans.findVisiblePlanStatus(scope.roleName(), scope.municipalityCode(),
                scope.wardCode(), scope.at(), householdId);
        List<HouseholdAccess> accesses = rows.stream()
                .map(row -> new HouseholdAccess(row.householdId(), AccessBasis.valueOf(row.basis()))).toList();
        if (export) {
            auditLog.householdsExported(viewer, resource, accesses);
        } else {
            auditLog.householdsRead(viewer, resource, accesses);
        }
        LocalDate today = JapanTime.today(clock);
        return rows.stream().map(row -> {
            PlanStatus status = PlanStatus.valueOf(row.planStatus());
            return new PlanStatusView(row.householdId(), row.childFamilyName() + " " + row.childGivenName(),
                    row.address(), row.municipalityCode(), row.wardCode(), row.loanStart(), row.planDeadline(), status,
                    status.label(), row.appliedOn(), row.acceptedOn(), row.completedOn(),
                    status == PlanStatus.NOT_APPLIED && today.isAfter(row.planDeadline()));
        }).toList();
    }
}
