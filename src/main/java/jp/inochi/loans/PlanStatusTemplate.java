package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.platform.xlsx.XlsxColumn;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/**
 * The sheet an officer fills in for {@link PlanStatusImport}: their own households (the plan list they may see),
 * each with its number, the child's name and the plan's dates so far, one date cell each to type over. It carries
 * personal data, so it is audited as an export of every household in it.
 */
@Singleton
class PlanStatusTemplate {
    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.integer(PlanStatusSheetRow.NUMBER.label()),
            XlsxColumn.text("児童氏名"), XlsxColumn.text("住所"),
            XlsxColumn.dateToFill(PlanStatusSheetRow.APPLIED.label()),
            XlsxColumn.dateToFill(PlanStatusSheetRow.ACCEPTED.label()),
            XlsxColumn.dateToFill(PlanStatusSheetRow.COMPLETED.label()));

    private final LoanRepository loans;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanStatusTemplate(LoanRepository loans, AuditLog auditLog, Clock clock) {
        this.loans = loans;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    byte[] write(Viewer viewer, String resource) {
        AccessScope scope = viewer.scope(clock);
        List<EvacuationPlanStatusRow> rows = loans.findVisiblePlanStatus(scope.roleName(), scope.municipalityCode(),
                scope.wardCode(), scope.at(), null);
        auditLog.householdsExported(viewer, resource, rows.stream()
                .map(row -> new HouseholdAccess(row.householdId(), AccessBasis.valueOf(row.basis()))).toList());
        try (XlsxExport xlsx = new XlsxExport("計画状況", COLUMNS)) {
            for (EvacuationPlanStatusRow row : rows) {
                xlsx.row(Arrays.asList(row.householdId(), row.childFamilyName() + " " + row.childGivenName(),
                        row.address(), row.appliedOn(), row.acceptedOn(), row.completedOn()));
            }
            return xlsx.bytes(XlsxNotes.of("個別避難計画の状況（一括更新用）", clock.instant(), viewer.label()).withNotes(List.of(
                    "申請日・受理日・作成完了日を入力して、「計画状況の一括更新」で読み込んでください（世帯番号は変えないでください）",
                    "日付は 令和7年4月1日、R7.4.1、2025/4/1 のどれでも読めます。空欄の日付は変更しません",
                    "記録済みの日付は変えられません（訂正はセンターへ）。児童氏名・住所の列は読み込みません",
                    "閲覧できる世帯のみ。書き出しは世帯ごとに監査ログに記録されています")));
        }
    }
}
