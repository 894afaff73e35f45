package jp.inochi.platform.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A blank list for people to fill in and upload: the header row (frozen, bold) with widths that fit Japanese text,
 * example rows as text (so 令和5年4月1日 stays as typed), and a sheet 「記入のしかた」 with one instruction per line.
 * Small, so it is built in memory (not streamed like {@link XlsxExport}).
 */
public final class XlsxTemplate {
    public static final String HOW_TO_SHEET = "記入のしかた";
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 40;

    private XlsxTemplate() {
    }

    public static byte[] of(String sheetName, List<String> headers, List<List<String>> examples, List<String> howTo) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XlsxStyles styles = new XlsxStyles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            int[] widths = new int[headers.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(styles.header);
                widths[c] = TextWidth.of(headers.get(c)) + 2;
            }
            for (int r = 0; r < examples.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = examples.get(r);
                for (int c = 0; c < cells.size() && c < widths.length; c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                        widths[c] = Math.max(widths[c], TextWidth.of(cells.get(c)) + 2);
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(Math.max(widths[c], MIN_WIDTH), MAX_WIDTH) * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet notes = workbook.createSheet(HOW_TO_SHEET);
            for (int i = 0; i < howTo.size(); i++) {
                notes.createRow(i).createCell(0).setCellValue(howTo.get(i));
            }
            notes.setColumnWidth(0, 120 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
