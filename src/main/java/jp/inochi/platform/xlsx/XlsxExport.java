package jp.inochi.platform.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.time.JapanTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list as an .xlsx workbook for Excel, the companion of the platform's CSV: the header row frozen with an autofilter,
 * column widths that fit Japanese text, typed cells (numbers as numbers, dates as date cells in 和暦 with the Gregorian
 * date beside), and a second sheet 「出典・注意」 ({@link XlsxNotes}). It streams (POI's SXSSF keeps only a window of
 * rows in memory and the rest in a compressed temporary file), so 100,000 rows fit in a small heap.
 * Use once: add rows, then {@link #write} or {@link #bytes}; close it to remove the temporary file.
 */
public final class XlsxExport implements AutoCloseable {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String NOTES_SHEET = "出典・注意";
    static final int ROWS_IN_MEMORY = 100;
    /** Excel's limit for one cell's text. */
    private static final int MAX_CELL_TEXT = 32_767;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final XlsxStyles styles;
    private final SXSSFSheet sheet;
    private final List<XlsxColumn> columns;
    private final int[] widths;
    private int rows;

    public XlsxExport(String sheetName, List<XlsxColumn> columns) {
        workbook.setCompressTempFiles(true);
        this.styles = new XlsxStyles(workbook);
        this.columns = List.copyOf(columns);
        this.sheet = workbook.createSheet(sheetName);
        this.widths = new int[this.columns.stream().mapToInt(XlsxColumn::width).sum()];
        Row header = sheet.createRow(0);
        int at = 0;
        for (XlsxColumn column : this.columns) {
            List<String> titles = headers(column);
            for (int part = 0; part < titles.size(); part++, at++) {
                Cell cell = header.createCell(at);
                cell.setCellValue(titles.get(part));
                cell.setCellStyle(styles.header);
                widths[at] = Math.max(TextWidth.of(titles.get(part)) + 2, fixedWidth(column, part));
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** One row, a value per column (null leaves the cell empty). Numbers, LocalDate, Instant or LocalDateTime as typed. */
    public XlsxExport row(List<?> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.size());
        }
        Row row = sheet.createRow(++rows);
        int at = 0;
        for (int i = 0; i < columns.size(); i++) {
            XlsxColumn column = columns.get(i);
            Object value = values.get(i);
            if (value != null) {
                write(row, at, column, value);
            }
            at += column.width();
        }
        return this;
    }

    /** Data rows written so far (the header excluded). */
    public int dataRows() {
        return rows;
    }

    /** Finishes the workbook (autofilter, widths, the notes sheet) into the stream. */
    public void write(XlsxNotes notes, OutputStream out) throws IOException {
        sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, widths.length - 1));
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, Math.min(Math.max(widths[i], MIN_WIDTH), MAX_WIDTH) * 256);
        }
        new XlsxNotesSheet(workbook, styles).write(notes, rows);
        workbook.write(out);
    }

    public byte[] bytes(XlsxNotes notes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(notes, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Removes the temporary file (the workbook holds nothing else outside the heap). */
    @Override
    public void close() {
        workbook.dispose();
    }

    private void write(Row row, int at, XlsxColumn column, Object value) {
        switch (column.kind()) {
            case NUMBER -> {
                if (value instanceof Number number) {
                    Cell cell = row.createCell(at);
                    cell.setCellValue(number.doubleValue());
                    CellStyle style = styles.format(column.format());
                    if (style != null) {
                        cell.setCellStyle(style);
                    }
                    widen(at, TextWidth.of(value.toString()));
                } else {
                    text(row, at, value.toString());
                }
            }
            case DATE -> {
                LocalDate date = (LocalDate) value;
                row.createCell(at).setCellValue(date);
                row.getCell(at).setCellStyle(styles.format(XlsxStyles.WAREKI_DATE));
                row.createCell(at + 1).setCellValue(date);
                row.getCell(at + 1).setCellStyle(styles.format(XlsxStyles.GREGORIAN_DATE));
            }
            case DATE_TO_FILL -> {
                row.createCell(at).setCellValue((LocalDate) value);
                row.getCell(at).setCellStyle(styles.format(XlsxStyles.WAREKI_DATE));
            }
            case DATE_TIME -> {
                LocalDateTime time = value instanceof Instant instant
                        ? LocalDateTime.ofInstant(instant, JapanTime.ZONE) : (LocalDateTime) value;
                row.createCell(at).setCellValue(time);
                row.getCell(at).setCellStyle(styles.format(XlsxStyles.WAREKI_DATE_TIME));
                row.createCell(at + 1).setCellValue(time);
                row.getCell(at + 1).setCellStyle(styles.format(XlsxStyles.GREGORIAN_DATE_TIME));
            }
            default -> text(row, at, value.toString());
        }
    }

    /** A text cell is a string, never a formula, so a value starting with = stays text in the .xlsx. */
    private void text(Row row, int at, String text) {
        String cut = text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text;
        row.createCell(at).setCellValue(cut);
        widen(at, TextWidth.of(cut));
    }

    private void widen(int at, int width) {
        widths[at] = Math.max(widths[at], width + 2);
    }

    private static List<String> headers(XlsxColumn column) {
        List<String> headers = new ArrayList<>();
        if (column.width() == 2) {
            headers.add(column.header() + "（和暦）");
            headers.add(column.header() + "（西暦）");
        } else {
            headers.add(column.header());
        }
        return headers;
    }

    /** Dates have a known width: 「令和10年12月31日 23:59」 and 「2026/12/31 23:59」. */
    private static int fixedWidth(XlsxColumn column, int part) {
        return switch (column.kind()) {
            case DATE, DATE_TO_FILL -> part == 0 ? 18 : 12;
            case DATE_TIME -> part == 0 ? 24 : 18;
            default -> MIN_WIDTH;
        };
    }
}
