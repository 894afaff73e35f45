package jp.inochi.platform.csv;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.inochi.platform.time.JapanTime;

/**
 * CSV that Excel on a Japanese Windows opens correctly and safely: UTF-8 with a byte-order mark, CRLF line ends,
 * RFC 4180 quoting, and no cell that Excel would run as a formula (CSV injection: a cell starting with
 * {@code = + - @}, a tab or a carriage return, or their full-width forms, gets a leading apostrophe, which Excel
 * shows as text). Use it for every export that people open in Excel.
 */
public final class ExcelCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");

    private final StringBuilder text = new StringBuilder();
    private int rows;

    public ExcelCsv(List<String> header) {
        row(header);
    }

    /**
     * One row; null cells are empty. Numbers are written as they are (never guarded); a LocalDate as 2026/05/10 and an
     * Instant as 2026/05/10 09:05 in Japan's time, which Excel reads as dates.
     */
    public ExcelCsv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof BigDecimal decimal) {
                text.append(decimal.toPlainString());
            } else if (cell instanceof Number number) {
                text.append(number);
            } else if (cell instanceof LocalDate date) {
                text.append(DATE.format(date));
            } else if (cell instanceof Instant instant) {
                text.append(DATE_TIME.format(instant.atZone(JapanTime.ZONE)));
            } else if (cell != null) {
                text.append(quote(neutralise(cell.toString())));
            }
        }
        text.append("\r\n");
        rows++;
        return this;
    }

    /** Data rows written so far (the header excluded). */
    public int dataRows() {
        return rows - 1;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + BOM.length);
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A text cell that Excel would read as a formula starts with an apostrophe instead (OWASP "CSV Injection"). */
    static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> "'" + cell;
            default -> cell;
        };
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
