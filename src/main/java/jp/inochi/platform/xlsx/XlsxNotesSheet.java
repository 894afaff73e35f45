package jp.inochi.platform.xlsx;

import java.time.LocalDateTime;
import jp.inochi.platform.time.JapanTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The second sheet, 「出典・注意」: 取扱注意 first, then what the list is, when and for whom it was made, how many rows,
 * its notes and the credits of its data. A label in column A, the value in B (and the Gregorian time in C).
 */
final class XlsxNotesSheet {
    private final Workbook workbook;
    private final XlsxStyles styles;

    XlsxNotesSheet(Workbook workbook, XlsxStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
    }

    void write(XlsxNotes notes, int dataRows) {
        Sheet sheet = workbook.createSheet(XlsxExport.NOTES_SHEET);
        int at = 0;
        Cell warning = sheet.createRow(at++).createCell(0);
        warning.setCellValue(XlsxNotes.HANDLE_WITH_CARE);
        warning.setCellStyle(styles.emphasis);
        line(sheet, at++, "一覧", notes.title());
        Row made = line(sheet, at++, "作成日時", null);
        LocalDateTime generated = LocalDateTime.ofInstant(notes.generatedAt(), JapanTime.ZONE);
        made.createCell(1).setCellValue(generated);
        made.getCell(1).setCellStyle(styles.format(XlsxStyles.WAREKI_DATE_TIME));
        made.createCell(2).setCellValue(generated);
        made.getCell(2).setCellStyle(styles.format(XlsxStyles.GREGORIAN_DATE_TIME));
        line(sheet, at++, "出力者", notes.viewer());
        Row count = line(sheet, at++, "件数", null);
        count.createCell(1).setCellValue(dataRows);
        for (String note : notes.notes()) {
            line(sheet, at++, "注意", note);
        }
        for (String credit : notes.credits()) {
            line(sheet, at++, "出典", credit);
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        sheet.setColumnWidth(2, 18 * 256);
    }

    private static Row line(Sheet sheet, int at, String label, String value) {
        Row row = sheet.createRow(at);
        row.createCell(0).setCellValue(label);
        if (value != null) {
            row.createCell(1).setCellValue(value);
        }
        return row;
    }
}
