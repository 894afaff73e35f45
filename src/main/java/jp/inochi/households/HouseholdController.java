package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Roles;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.lifecycle.LifecycleEvent;
import jp.inochi.lifecycle.LifecycleEventRepository;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.xlsx.XlsxExport;

/**
 * Households. Center staff register, correct and read everything; municipal officers read only the households the
 * access rule lets them see, in the minimum-disclosure view. Every read is audited with its basis.
 */
@Tag(name = "世帯")
@Controller("/api/households")
@ExecuteOn(TaskExecutors.BLOCKING)
class HouseholdController {
    private final Households households;
    private final HouseholdFactsRepository facts;
    private final HouseholdDirectory directory;
    private final HouseholdRepository repository;
    private final GuardianRepository guardians;
    private final LifecycleEventRepository events;
    private final AuditLog auditLog;
    private final HouseholdsXlsx xlsx;
    private final Clock clock;

    HouseholdController(Households households, HouseholdDirectory directory, HouseholdRepository repository,
                        GuardianRepository guardians, LifecycleEventRepository events, AuditLog auditLog,
                        HouseholdsXlsx xlsx, HouseholdFactsRepository facts, Clock clock) {
        this.xlsx = xlsx;
        this.facts = facts;
        this.households = households;
        this.directory = directory;
        this.repository = repository;
        this.guardians = guardians;
        this.events = events;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Operation(summary = "世帯の一覧（閲覧できる世帯のみ。市町村担当は最小限の項目）",
            description = "format=xlsx（または Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）: "
                    + "閲覧できるすべての世帯を Excel のブックで（ページ分けなし、世帯ごとにエクスポートとして監査ログに記録）。")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get(produces = {MediaType.APPLICATION_JSON, XlsxExport.CONTENT_TYPE})
    HttpResponse<?> list(Viewer viewer, @Nullable @QueryValue String municipalityCode,
                         @QueryValue(defaultValue = "0") @Min(0) int page,
                         @QueryValue(defaultValue = "100") @Min(1) @Max(500) int size,
                         @Nullable @QueryValue @Pattern(regexp = "json|xlsx", message = "形式は json または xlsx です") String format,
                         HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (format != null ? format.equals("xlsx") : accept != null && accept.contains(XlsxExport.CONTENT_TYPE)) {
            String filter = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode;
            String day = DateTimeFormatter.BASIC_ISO_DATE.format(JapanTime.today(clock));
            return HttpResponse.ok(xlsx.write(viewer, filter)).contentType(XlsxExport.CONTENT_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"households-" + day + ".xlsx\"; filename*=UTF-8''"
                            + URLEncoder.encode("世帯一覧_" + day + ".xlsx", StandardCharsets.UTF_8));
        }
        return HttpResponse.ok(page(viewer, municipalityCode, page, size));
    }

    private List<HouseholdView> page(Viewer viewer, @Nullable String municipalityCode, int page, int size) {
        List<VisibleHouseholdRow> visible = repository.findVisible(viewer.scope(clock), municipalityCode, size, (long) page * size);
        if (visible.isEmpty()) {
            return List.of();
        }
        List<Long> ids = visible.stream().map(VisibleHouseholdRow::id).toList();
        Map<Long, Household> byId = repository.findByIdInOrderById(ids).stream()
                .collect(Collectors.toMap(Household::id, Function.identity()));
        Map<Long, PlanStatusRow> plans = repository.findPlanStatuses(ids).stream()
                .collect(Collectors.toMap(PlanStatusRow::householdId, Function.identity()));
        auditLog.householdsRead(viewer, "/api/households", visible.stream()
                .map(row -> new HouseholdAccess(row.id(), AccessBasis.valueOf(row.basis()))).toList());
        return visible.stream().map(row -> HouseholdView.of(byId.get(row.id()),
                guardians.findByHouseholdIdOrderByPosition(row.id()), AccessBasis.valueOf(row.basis()),
                plans.get(row.id()), facts.findLivesAtHome(row.id()).orElse(true))).toList();
    }

    @Operation(summary = "世帯（市町村担当は最小限の項目、範囲外は404）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF, Roles.MUNICIPAL_OFFICER})
    @Get("/{id}")
    HouseholdView get(Viewer viewer, long id) {
        HouseholdDirectory.VisibleHousehold visible = directory.read(viewer, id, "/api/households/{id}");
        return view(visible.household(), visible.guardians(), visible.basis());
    }

    @Operation(summary = "世帯を登録する")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Post
    HttpResponse<HouseholdView> register(Viewer viewer, @Body @Valid HouseholdForm body) {
        Household saved = households.register(viewer, body);
        return HttpResponse.created(view(saved, guardians.findByHouseholdIdOrderByPosition(saved.id()), AccessBasis.CENTER));
    }

    @Operation(summary = "世帯の情報を訂正する（転居・人工呼吸器からの離脱は返還手続を自動で開始）")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Put("/{id}")
    HouseholdView correct(Viewer viewer, long id, @Body @Valid HouseholdForm body) {
        Household saved = households.correct(viewer, id, body);
        return view(saved, guardians.findByHouseholdIdOrderByPosition(id), AccessBasis.CENTER);
    }

    @Operation(summary = "世帯の変更の経過")
    @Secured({Roles.CENTER_ADMIN, Roles.CENTER_STAFF})
    @Get("/{id}/history")
    List<LifecycleEvent> history(Viewer viewer, long id) {
        directory.read(viewer, id, "/api/households/{id}/history");
        return events.findBySubjectTypeAndSubjectIdOrderByIdAsc(SubjectType.HOUSEHOLD, id);
    }

    private HouseholdView view(Household household, List<Guardian> guardianList, AccessBasis basis) {
        PlanStatusRow plan = repository.findPlanStatuses(List.of(household.id())).stream().findFirst().orElse(null);
        return HouseholdView.of(household, guardianList, basis, plan, facts.findLivesAtHome(household.id()).orElse(true));
    }
}
