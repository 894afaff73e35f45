package jp.inochi.disasters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.xlsx.XlsxColumn;

/**
 * The call list, the unreached list and the event record as CSV for Excel ({@link ExcelCsv}: UTF-8 with BOM, CRLF,
 * formulas defused), with Japanese headers and data rows only, so Excel sorts and filters them; dates and times as
 * 2026/05/10 09:05, which Excel reads as dates. The event, the order, the notice and the credits are on the page
 * and in the .xlsx's 「出典・注意」 sheet. A list for a municipal office has no column of clinical detail.
 */
final class EventCsv {
    private EventCsv() {
    }

    static byte[] callList(EventViews.CallList list) {
        boolean center = CallListTable.forCenter(list);
        ExcelCsv csv = new ExcelCsv(CallListTable.columns(center).stream().map(XlsxColumn::header).toList());
        for (EventViews.Row row : list.households()) {
            csv.row(CallListTable.cells(row, center).stream().map(EventCsv::coordinates).toList());
        }
        return csv.bytes();
    }

    /** One line per contact (a household without any: one line saying so), oldest first within each household. */
    static byte[] record(EventViews.Record record) {
        ExcelCsv csv = new ExcelCsv(List.of("世帯ID", "児童氏名", "市町村", "人工呼吸器", "対象の理由", "最終の状況",
                "安否確認メール", "メール送信日時", "最初に安否を確認した日時", "連絡日時", "方法", "結果", "回答", "内容", "記録者"));
        for (EventViews.RecordHousehold household : record.households()) {
            List<Object> base = new ArrayList<>(List.of(household.householdId(), household.childName(),
                    household.municipalityName() == null ? "" : household.municipalityName(),
                    household.ventilatorDependent() ? "あり" : "なし", household.includedBecause(), household.finalStatusLabel(),
                    household.emailLabel()));
            base.add(household.emailSentAt());
            base.add(household.firstReachedAt() == null ? "未確認" : household.firstReachedAt());
            if (household.contacts().isEmpty()) {
                List<Object> cells = new ArrayList<>(base);
                cells.addAll(List.of("", "連絡の記録なし", "", "", "", ""));
                csv.row(cells);
            }
            for (EventViews.RecordContact contact : household.contacts()) {
                List<Object> cells = new ArrayList<>(base);
                cells.add(contact.contactedAt());
                cells.add(contact.methodLabel());
                cells.add(contact.outcomeLabel());
                cells.add(contact.replyLabel());
                cells.add(contact.detail());
                cells.add(contact.recordedBy());
                csv.row(cells);
            }
        }
        return csv.bytes();
    }

    /** Coordinates keep six decimals (about 10 cm), as the page shows them. */
    private static Object coordinates(Object cell) {
        return cell instanceof Double degrees ? BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP) : cell;
    }
}
