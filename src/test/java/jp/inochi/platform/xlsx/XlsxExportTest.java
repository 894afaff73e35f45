package jp.inochi.platform.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class XlsxExportTest {
    static final List<XlsxColumn> COLUMNS = List.of(XlsxColumn.integer("世帯ID"), XlsxColumn.text("児童氏名"),
            XlsxColumn.date("計画の申請期限"), XlsxColumn.number("経度", "0.000000"), XlsxColumn.dateTime("評価日時"));
    static final XlsxNotes NOTES = XlsxNotes.of("要確認世帯（甲佐町）", Instant.parse("2026-05-10T00:05:00Z"), "staff（センター職員）")
            .withNotes(List.of("「指定なし」は安全という意味ではありません")).withCredits(List.of("洪水: 試験用の区域（CC BY 4.0）"));

    static Workbook open(byte[] bytes) throws Exception {
        return WorkbookFactory.create(new ByteArrayInputStream(bytes));
    }

    private static byte[] sample() {
        try (XlsxExport xlsx = new XlsxExport("要確認世帯", COLUMNS)) {
            xlsx.row(Arrays.asList(42L, "熊本 ひかり", LocalDate.of(2026, 11, 3), new BigDecimal("130.812345"),
                    Instant.parse("2026-05-09T23:30:00Z")));
            xlsx.row(Arrays.asList(43, "=HYPERLINK(\"http://example.invalid\")", null, null, LocalDateTime.of(2019, 5, 1, 9, 0)));
            return xlsx.bytes(NOTES);
        }
    }

    @Test
    void theHeaderIsFrozenAndFilteredAndDatesTakeTwoColumnsWareikiThenGregorian() throws Exception {
        try (Workbook book = open(sample())) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("要確認世帯", sheet.getSheetName());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(List.of("世帯ID", "児童氏名", "計画の申請期限（和暦）", "計画の申請期限（西暦）", "経度", "評価日時（和暦）",
                    "評価日時（西暦）"), header(sheet));
            assertTrue(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter());
            assertEquals("A1:G3", ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef());
            assertEquals(2, sheet.getLastRowNum());
        }
    }

    @Test
    void numbersAreNumbersDatesAreDateCellsAndAFormulaStaysText() throws Exception {
        try (Workbook book = open(sample())) {
            Sheet sheet = book.getSheetAt(0);
            Cell id = sheet.getRow(1).getCell(0);
            assertEquals(CellType.NUMERIC, id.getCellType());
            assertEquals(42, id.getNumericCellValue());
            assertEquals(130.812345, sheet.getRow(1).getCell(4).getNumericCellValue(), 1e-9);
            Cell wareki = sheet.getRow(1).getCell(2);
            Cell gregorian = sheet.getRow(1).getCell(3);
            assertEquals(CellType.NUMERIC, wareki.getCellType());
            assertEquals(LocalDate.of(2026, 11, 3), wareki.getLocalDateTimeCellValue().toLocalDate());
            assertTrue(wareki.getCellStyle().getDataFormatString().startsWith("[$-411]ggge"), "shown in 和暦 by Excel");
            assertTrue(DateUtil.isCellDateFormatted(gregorian));
            assertEquals("yyyy/mm/dd", gregorian.getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2026, 11, 3), gregorian.getLocalDateTimeCellValue().toLocalDate());
            assertEquals(LocalDateTime.of(2026, 5, 10, 8, 30), sheet.getRow(1).getCell(6).getLocalDateTimeCellValue(),
                    "an instant is written in Japan's time");
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(6)));
            Cell formula = sheet.getRow(2).getCell(1);
            assertEquals(CellType.STRING, formula.getCellType());
            assertEquals("=HYPERLINK(\"http://example.invalid\")", formula.getStringCellValue());
            assertEquals(null, sheet.getRow(2).getCell(2), "no date, no cell");
        }
    }

    @Test
    void columnsAreWideEnoughForJapaneseText() throws Exception {
        try (Workbook book = open(sample())) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(38 * 256, sheet.getColumnWidth(1), "the widest text, 36 characters, and a margin");
            assertEquals(24 * 256, sheet.getColumnWidth(2), "「計画の申請期限（和暦）」: 11 full-width characters");
            assertEquals(24 * 256, sheet.getColumnWidth(5), "「令和10年12月31日 23:59」");
            assertEquals(TextWidth.of("熊本 ひかり"), 11, "full-width characters count twice");
        }
    }

    @Test
    void theSecondSheetSaysHandleWithCareWhenForWhomAndTheCredits() throws Exception {
        try (Workbook book = open(sample())) {
            Sheet notes = book.getSheet("出典・注意");
            assertNotNull(notes);
            assertEquals("取扱注意（要配慮個人情報）", notes.getRow(0).getCell(0).getStringCellValue());
            assertEquals("要確認世帯（甲佐町）", notes.getRow(1).getCell(1).getStringCellValue());
            assertEquals(LocalDateTime.of(2026, 5, 10, 9, 5), notes.getRow(2).getCell(1).getLocalDateTimeCellValue());
            assertEquals("staff（センター職員）", notes.getRow(3).getCell(1).getStringCellValue());
            assertEquals(2, notes.getRow(4).getCell(1).getNumericCellValue());
            assertEquals("「指定なし」は安全という意味ではありません", notes.getRow(5).getCell(1).getStringCellValue());
            assertEquals("出典", notes.getRow(6).getCell(0).getStringCellValue());
            assertEquals("洪水: 試験用の区域（CC BY 4.0）", notes.getRow(6).getCell(1).getStringCellValue());
        }
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        try (XlsxExport xlsx = new XlsxExport("一覧", COLUMNS)) {
            assertFalse(tryRow(xlsx, List.of(1)));
        }
    }

    private static boolean tryRow(XlsxExport xlsx, List<?> values) {
        try {
            xlsx.row(values);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    static List<String> header(Sheet sheet) {
        List<String> titles = new java.util.ArrayList<>();
        sheet.getRow(0).forEach(cell -> titles.add(cell.getStringCellValue()));
        return titles;
    }
}
