package jp.inochi.disasters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.xlsx.XlsxColumn;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.atrisk.AtRiskList;

/**
 * The call list, the unreached list and the event record as CSV for Excel ({@link ExcelCsv}: UTF-8 with BOM, CRLF,
 * formulas defused), with Japanese headers, 和暦 beside Gregorian, and after the table the notice and the data
 * credits. A list for a municipal office has no column of clinical detail.
 */
final class EventCsv {
    private EventCsv() {
    }

    static byte[] callList(EventViews.CallList list) {
        boolean center = CallListTable.forCenter(list);
        ExcelCsv csv = new ExcelCsv(CallListTable.columns(center).stream().map(XlsxColumn::header).toList());
        for (EventViews.Row row : list.households()) {
            csv.row(CallListTable.cells(row, center).stream().map(EventCsv::text).toList());
        }
        csv.row(List.of());
        csv.row(List.of("※ 災害対応: " + list.event().name() + "（" + list.event().eventTypeLabel() + "）" + list.event().areaDescription()));
        csv.row(List.of("※ 並び順: " + list.order()));
        csv.row(List.of("※ " + list.notice()));
        csv.row(List.of("※ 作成日時: " + list.generatedAtLabel()));
        for (AtRiskList.Credit credit : list.credits()) {
            csv.row(List.of(AtRiskList.creditLine(credit)));
        }
        return csv.bytes();
    }

    /** One line per contact (a household without any: one line saying so), oldest first within each household. */
    static byte[] record(EventViews.Record record) {
        ExcelCsv csv = new ExcelCsv(List.of("世帯ID", "児童氏名", "市町村", "人工呼吸器", "対象の理由", "最終の状況",
                "安否確認メール", "メール送信日時", "最初に安否を確認した日時", "連絡日時", "方法", "結果", "回答", "内容", "記録者"));
        for (EventViews.RecordHousehold household : record.households()) {
            List<Object> base = List.of(household.householdId(), household.childName(),
                    household.municipalityName() == null ? "" : household.municipalityName(),
                    household.ventilatorDependent() ? "あり" : "なし", household.includedBecause(), household.finalStatusLabel(),
                    household.emailLabel(), household.emailSentAt() == null ? "" : EventViews.label(household.emailSentAt()),
                    household.firstReachedAt() == null ? "未確認" : EventViews.label(household.firstReachedAt()));
            if (household.contacts().isEmpty()) {
                List<Object> cells = new ArrayList<>(base);
                cells.addAll(List.of("", "連絡の記録なし", "", "", "", ""));
                csv.row(cells);
            }
            for (EventViews.RecordContact contact : household.contacts()) {
                List<Object> cells = new ArrayList<>(base);
                cells.add(contact.contactedAtLabel());
                cells.add(contact.methodLabel());
                cells.add(contact.outcomeLabel());
                cells.add(contact.replyLabel());
                cells.add(contact.detail());
                cells.add(contact.recordedBy());
                csv.row(cells);
            }
        }
        csv.row(List.of());
        csv.row(List.of("※ 災害対応: " + record.event().name() + "（" + record.event().eventTypeLabel() + "、"
                + record.event().stateLabel() + "）" + record.event().areaDescription()));
        csv.row(List.of("※ 作成日時: " + record.generatedAtLabel()));
        return csv.bytes();
    }

    /** The call list's CSV keeps its text forms: times and dates in 和暦 with the Gregorian beside, 6-decimal coordinates. */
    private static Object text(Object cell) {
        if (cell instanceof Instant instant) {
            return EventViews.label(instant);
        }
        if (cell instanceof LocalDate date) {
            return JapaneseDates.withGregorian(date);
        }
        if (cell instanceof Double degrees) {
            return String.format("%.6f", degrees);
        }
        return cell;
    }
}
