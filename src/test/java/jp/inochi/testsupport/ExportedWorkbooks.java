package jp.inochi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Opens an exported .xlsx with POI and checks what every export promises: the header frozen, an autofilter over the
 * rows, and the 「出典・注意」 sheet with 取扱注意, the viewer and the row count. Then reads cells by header.
 */
public final class ExportedWorkbooks {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Workbook book;
    private final Sheet sheet;
    private final List<String> headers = new ArrayList<>();

    private ExportedWorkbooks(Workbook book) {
        this.book = book;
        this.sheet = book.getSheetAt(0);
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
    }

    /** The response's workbook, after checking its type, file name and shape; {@code rows} data rows expected. */
    public static ExportedWorkbooks checked(HttpResponse<byte[]> response, int rows, String viewerUsername) {
        assertEquals(XLSX, response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains(".xlsx"), response.header("Content-Disposition"));
        ExportedWorkbooks workbook = open(response.body());
        workbook.assertShape(rows, viewerUsername);
        return workbook;
    }

    public static ExportedWorkbooks open(byte[] bytes) {
        try {
            return new ExportedWorkbooks(WorkbookFactory.create(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertShape(int rows, String viewerUsername) {
        assertTrue(sheet.getPaneInformation().isFreezePane(), "the header row is frozen");
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        assertEquals(rows, sheet.getLastRowNum(), "data rows under the header");
        String filter = ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
        assertTrue(filter.startsWith("A1:") && filter.endsWith(String.valueOf(rows + 1)), "autofilter over the rows: " + filter);
        Sheet notes = book.getSheet("出典・注意");
        assertNotNull(notes, "the second sheet");
        assertEquals("取扱注意（要配慮個人情報）", notes.getRow(0).getCell(0).getStringCellValue());
        assertTrue(notes(notes).contains(viewerUsername), "the viewer is named: " + notes(notes));
        assertTrue(notes.getRow(2).getCell(1).getCellStyle().getDataFormatString().startsWith("[$-411]ggge"),
                "the generation time in 和暦");
        assertTrue(DateUtil.isCellDateFormatted(notes.getRow(2).getCell(2)), "and as a Gregorian date cell");
        assertEquals(rows, (int) notes.getRow(4).getCell(1).getNumericCellValue(), "件数");
    }

    public Sheet sheet() {
        return sheet;
    }

    public List<String> headers() {
        return headers;
    }

    public int rows() {
        return sheet.getLastRowNum();
    }

    /** Everything the 「出典・注意」 sheet says, one line per row. */
    public String notes() {
        return notes(book.getSheet("出典・注意"));
    }

    public Cell cell(int row, String header) {
        int column = headers.indexOf(header);
        assertTrue(column >= 0, "no column " + header + " in " + headers);
        return sheet.getRow(row).getCell(column);
    }

    /** The data row whose first column (an id) is {@code id}. */
    public int rowOf(long id) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            if (sheet.getRow(i).getCell(0).getNumericCellValue() == id) {
                return i;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    /** The data row of this household, by its 世帯ID column (a call list starts with its rank). */
    public int householdRow(long householdId) {
        int index = householdIds().indexOf(householdId);
        assertTrue(index >= 0, "no row for household " + householdId);
        return index + 1;
    }

    /** The first column of every data row: the ids (a household's, or an audit entry's). */
    public List<Long> ids() {
        return numbers(0);
    }

    /** The 世帯ID column of every data row, for sheets that start with another number (a call list's rank). */
    public List<Long> householdIds() {
        int column = headers.indexOf("世帯ID");
        assertTrue(column >= 0, "no column 世帯ID in " + headers);
        return numbers(column);
    }

    private List<Long> numbers(int column) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Cell id = sheet.getRow(i).getCell(column);
            assertEquals(CellType.NUMERIC, id.getCellType(), "ids are numbers");
            ids.add((long) id.getNumericCellValue());
        }
        return ids;
    }

    /** A date column is two date cells: 和暦 (Excel's era format) and the Gregorian date beside it. */
    public void assertDate(int row, String header, LocalDate expected) {
        Cell wareki = cell(row, header + "（和暦）");
        Cell gregorian = cell(row, header + "（西暦）");
        assertEquals(CellType.NUMERIC, wareki.getCellType());
        assertTrue(wareki.getCellStyle().getDataFormatString().startsWith("[$-411]ggge"), "shown in 和暦");
        assertEquals(expected, wareki.getLocalDateTimeCellValue().toLocalDate());
        assertTrue(DateUtil.isCellDateFormatted(gregorian), "a real date cell");
        assertEquals(expected, gregorian.getLocalDateTimeCellValue().toLocalDate());
    }

    private static String notes(Sheet notes) {
        DataFormatter formatter = new DataFormatter();
        StringBuilder text = new StringBuilder();
        for (Row row : notes) {
            row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append(' '));
            text.append('\n');
        }
        return text.toString();
    }
}
