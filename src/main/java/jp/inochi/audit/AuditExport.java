package jp.inochi.audit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.platform.xlsx.XlsxColumn;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/**
 * The audit log's export files: the CSV (time as text and 和暦 beside it) and the .xlsx (the time as a date cell in
 * 和暦 and Gregorian, ids and counts as numbers, the filter and the viewer on the 「出典・注意」 sheet).
 */
final class AuditExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final List<String> CSV_HEADER = List.of("ID", "日時（日本時間）", "和暦", "利用者ID", "ユーザー名", "役割", "接続元",
            "操作", "対象（API・処理）", "対象の種類", "対象ID", "世帯ID", "根拠", "災害宣言ID", "件数", "詳細");
    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.integer("ID"), XlsxColumn.dateTime("日時（日本時間）"),
            XlsxColumn.integer("利用者ID"), XlsxColumn.text("ユーザー名"), XlsxColumn.text("役割"), XlsxColumn.text("接続元"),
            XlsxColumn.text("操作"), XlsxColumn.text("対象（API・処理）"), XlsxColumn.text("対象の種類"), XlsxColumn.text("対象ID"),
            XlsxColumn.integer("世帯ID"), XlsxColumn.text("根拠"), XlsxColumn.integer("災害宣言ID"), XlsxColumn.integer("件数"),
            XlsxColumn.text("詳細"));

    private AuditExport() {
    }

    static byte[] csv(List<AuditEntry> entries) {
        ExcelCsv csv = new ExcelCsv(CSV_HEADER);
        for (AuditEntry entry : entries) {
            List<Object> cells = cells(entry);
            ZonedDateTime japan = entry.occurredAt().atZone(JapanTime.ZONE);
            cells.set(1, TIME.format(japan));
            cells.add(2, JapaneseDates.wareki(japan.toLocalDate()));
            csv.row(cells);
        }
        return csv.bytes();
    }

    static byte[] xlsx(List<AuditEntry> entries, Viewer viewer, Instant now, String filter) {
        try (XlsxExport xlsx = new XlsxExport("監査ログ", COLUMNS)) {
            entries.forEach(entry -> xlsx.row(cells(entry)));
            return xlsx.bytes(XlsxNotes.of("監査ログ", now, viewer.label())
                    .withNotes(List.of("条件: " + (filter.isEmpty() ? "なし" : filter), "この書き出しも監査ログに記録されています")));
        }
    }

    /** One entry, the time as an Instant (the CSV writes it as text with the 和暦 beside it). */
    private static List<Object> cells(AuditEntry entry) {
        return new java.util.ArrayList<>(Arrays.asList(entry.id(), entry.occurredAt(), entry.actorUserId(),
                entry.actorUsername(), AuditLogController.roleLabel(entry.actorRole()), entry.clientAddress(),
                entry.action().label(), entry.resource(), entry.subjectType(), entry.subjectId(), entry.householdId(),
                entry.basis() == null ? null : entry.basis().label(), entry.declarationId(), entry.rowCount(),
                entry.detail()));
    }
}
