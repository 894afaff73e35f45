package jp.inochi.platform.tables;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the rows of one sheet, one format per implementation ({@link XlsxTableReader}, {@link CsvTableReader});
 * {@link TableFiles#open} picks the reader by the file's content. Blank rows are skipped; a file of more than
 * {@link #MAX_ROWS} rows is refused with {@link UnreadableTableException}.
 */
public interface TableReader extends Closeable {
    /** The most rows a list may have: a municipality's register fits many times over; a mistaken export does not. */
    int MAX_ROWS = 10_000;

    /** The next row that has any text, or null at the end of the sheet. */
    TableRow next() throws IOException;

    /** The format as people name it: "Excel (.xlsx)", "CSV（UTF-8）", "CSV（Shift_JIS / CP932）". */
    String format();

    static UnreadableTableException tooManyRows() {
        return new UnreadableTableException("行数が上限（" + String.format("%,d", MAX_ROWS)
                + "行）を超えています。ファイルを分けて読み込んでください");
    }
}
