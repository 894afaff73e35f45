package jp.inochi.loans;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.platform.xlsx.XlsxColumn;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/** 個別避難計画の状況 as an .xlsx: the API's rows, the plan's dates as date cells in 和暦 and Gregorian. */
final class EvacuationPlanXlsx {
    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.integer("世帯ID"), XlsxColumn.text("児童氏名"),
            XlsxColumn.text("住所"), XlsxColumn.text("市町村コード"), XlsxColumn.text("区コード"), XlsxColumn.date("貸与開始"),
            XlsxColumn.date("作成申請の期限"), XlsxColumn.text("状況"), XlsxColumn.text("期限切れ"), XlsxColumn.date("申請日"),
            XlsxColumn.date("受理日"), XlsxColumn.date("作成日"));

    private EvacuationPlanXlsx() {
    }

    static byte[] write(List<EvacuationPlanController.PlanStatusView> plans, Viewer viewer, Instant now) {
        try (XlsxExport xlsx = new XlsxExport("個別避難計画", COLUMNS)) {
            for (EvacuationPlanController.PlanStatusView plan : plans) {
                xlsx.row(Arrays.asList(plan.householdId(), plan.childName(), plan.address(), plan.municipalityCode(),
                        plan.wardCode(), plan.loanStart(), plan.planDeadline(), plan.planStatusLabel(),
                        plan.applicationOverdue() ? "期限切れ" : "", plan.appliedOn(), plan.acceptedOn(), plan.completedOn()));
            }
            return xlsx.bytes(XlsxNotes.of("個別避難計画の状況", now, viewer.label()).withNotes(List.of(
                    "装置を貸与中の世帯は、貸与開始から6か月以内に市町村へ個別避難計画の作成を申請します",
                    "閲覧できる世帯のみ。書き出しは世帯ごとに監査ログに記録されています")));
        }
    }
}
