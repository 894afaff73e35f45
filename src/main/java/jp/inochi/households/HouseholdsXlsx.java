package jp.inochi.households;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.inochi.timeline.Timelines;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.platform.xlsx.XlsxColumn;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/**
 * The households list as an .xlsx: every household the viewer may see (not one page), with the list page's minimum
 * columns and the plan deadline as a date; each household audited as an export with its basis.
 */
@Singleton
class HouseholdsXlsx {
    static final String RESOURCE = "/api/households?format=xlsx";
    static final int MAX_ROWS = 100_000;
    private static final int CHUNK = 1_000;
    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.integer("世帯ID"), XlsxColumn.text("閲覧の根拠"),
            XlsxColumn.text("児童氏名"), XlsxColumn.text("児童氏名（カナ）"), XlsxColumn.text("市町村"), XlsxColumn.text("市町村コード"),
            XlsxColumn.text("住所"), XlsxColumn.text("医療的ケア"), XlsxColumn.text("個別避難計画"), XlsxColumn.date("計画の申請期限"));

    private final HouseholdRepository repository;
    private final AuditLog auditLog;
    private final MunicipalityNames names;
    private final Timelines timelines;
    private final Clock clock;

    HouseholdsXlsx(HouseholdRepository repository, AuditLog auditLog, MunicipalityNames names, Timelines timelines,
                   Clock clock) {
        this.repository = repository;
        this.timelines = timelines;
        this.auditLog = auditLog;
        this.names = names;
        this.clock = clock;
    }

    byte[] write(Viewer viewer, String filterMunicipality) {
        List<VisibleHouseholdRow> visible = repository.findVisible(viewer.scope(clock), filterMunicipality, MAX_ROWS, 0);
        auditLog.householdsExported(viewer, RESOURCE, visible.stream()
                .map(row -> new HouseholdAccess(row.id(), AccessBasis.valueOf(row.basis()))).toList());
        try (XlsxExport xlsx = new XlsxExport("世帯", COLUMNS)) {
            for (int from = 0; from < visible.size(); from += CHUNK) {
                List<VisibleHouseholdRow> chunk = visible.subList(from, Math.min(from + CHUNK, visible.size()));
                List<Long> ids = chunk.stream().map(VisibleHouseholdRow::id).toList();
                Map<Long, Household> byId = repository.findByIdInOrderById(ids).stream()
                        .collect(Collectors.toMap(Household::id, Function.identity()));
                Map<Long, PlanStatusRow> plans = repository.findPlanStatuses(ids).stream()
                        .collect(Collectors.toMap(PlanStatusRow::householdId, Function.identity(), (a, b) -> a));
                for (VisibleHouseholdRow row : chunk) {
                    xlsx.row(cells(byId.get(row.id()), AccessBasis.valueOf(row.basis()), plans.get(row.id())));
                }
            }
            return xlsx.bytes(XlsxNotes.of("世帯一覧", clock.instant(), viewer.label()).withNotes(List.of(
                    filterMunicipality == null ? "閲覧できるすべての世帯" : "市町村で絞り込み: " + names.of(filterMunicipality, null),
                    "書き出しは世帯ごとに監査ログに記録されています")));
        }
    }

    private List<Object> cells(Household h, AccessBasis basis, PlanStatusRow plan) {
        return new ArrayList<>(Arrays.asList(h.id(), basis.label(), h.childFamilyName() + " " + h.childGivenName(),
                h.childFamilyNameKana() + " " + h.childGivenNameKana(), names.of(h.municipalityCode(), h.wardCode()),
                h.municipalityCode(), h.address(), HouseholdView.careType(h),
                plan == null ? "貸与なし" : timelines.state(SubjectType.LOAN, plan.planStatus()),
                plan == null ? null : plan.planDeadline()));
    }
}
