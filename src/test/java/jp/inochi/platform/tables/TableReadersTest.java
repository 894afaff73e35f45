package jp.inochi.platform.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.testsupport.Spreadsheets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad files of issue 18 at the readers: each either read right (CP932 without a BOM, formulas, merged cells of a
 * two-row header, dates typed three ways) or refused as a whole with a Japanese message that says what to do.
 */
class TableReadersTest {
    private static final TableColumn NAME = TableColumn.required("氏名");
    private static final TableColumn KANA = TableColumn.required("カナ");
    private static final TableColumn BORN = TableColumn.optional("生年月日");
    private static final TableColumn HOURS = TableColumn.optional("時間");
    private static final List<TableColumn> COLUMNS = List.of(NAME, KANA, BORN, HOURS);

    @TempDir
    Path temp;

    @Test
    void aPictureOrAPdfNamedXlsxIsNotASpreadsheet() throws Exception {
        Path png = temp.resolve("名簿.xlsx");
        Files.write(png, Spreadsheets.PNG);
        assertEquals("表計算のファイルではありません。Excel ブック（.xlsx）か CSV を選んでください", refusal(png));

        Path pdf = temp.resolve("名簿2.xlsx");
        Files.write(pdf, Spreadsheets.PDF);
        assertEquals("表計算のファイルではありません。Excel ブック（.xlsx）か CSV を選んでください", refusal(pdf));
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedWithWhatToDo() throws Exception {
        Path file = temp.resolve("保護.xlsx");
        Files.write(file, Spreadsheets.encrypted(workbook(List.of(List.of("氏名", "カナ"), List.of("熊本 ひかり", "クマモト ヒカリ"))),
                "himitsu"));
        assertTrue(refusal(file).startsWith("パスワードで保護されたブックは読み込めません。Excel でパスワードを解除して"), refusal(file));
    }

    @Test
    void aSheetOverTenThousandRowsIsRefusedInEitherFormat() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("氏名", "カナ"));
        for (int i = 0; i < TableReader.MAX_ROWS + 100; i++) {
            rows.add(List.of("名前" + i));
        }
        Path xlsx = save(workbook(rows), "多すぎる.xlsx");
        assertEquals("行数が上限（10,000行）を超えています。ファイルを分けて読み込んでください", refusal(xlsx));

        Path csv = temp.resolve("多すぎる.csv");
        Files.write(csv, rows.stream().map(r -> String.join(",", r)).toList(), StandardCharsets.UTF_8);
        assertEquals("行数が上限（10,000行）を超えています。ファイルを分けて読み込んでください", refusal(csv));
    }

    @Test
    void aCp932CsvWithoutByteOrderMarkReadsItsNamesRight() throws Exception {
        Path file = temp.resolve("sjis.csv");
        Files.write(file, "氏名,カナ,生年月日\r\n髙橋 﨑子,タカハシ サキコ,令和7年4月1日\r\n\"渡邉, ①\",ワタナベ,R7.4.1\r\n"
                .getBytes(Charset.forName("windows-31j")));
        try (TableReader reader = TableFiles.open(file)) {
            assertEquals("CSV（Shift_JIS / CP932）", reader.format());
            TableHeader header = TableHeader.find(reader, COLUMNS);
            TableRow first = reader.next();
            assertEquals("髙橋 﨑子", header.cell(first, NAME));
            assertEquals("タカハシ サキコ", header.cell(first, KANA));
            assertEquals("渡邉, ①", header.cell(reader.next(), NAME), "a quoted comma and a CP932-only character");
            assertNull(reader.next());
        }
    }

    @Test
    void aHeaderCellMergedAcrossTwoColumnsIsRefusedWithTheColumns() throws Exception {
        XSSFWorkbook book = workbook(List.of(List.of("氏名", "", "カナ"), List.of("熊本", "ひかり", "クマモト ヒカリ")));
        book.getSheetAt(0).addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        Path file = save(book, "結合.xlsx");
        try (TableReader reader = TableFiles.open(file)) {
            UnreadableTableException refused = assertThrows(UnreadableTableException.class, () -> TableHeader.find(reader, COLUMNS));
            assertEquals("1行目の見出し「氏名」がA列・B列にあります。セルの結合を解除して、列ごとに1つの見出しを入れてください",
                    refused.detail());
        }
    }

    @Test
    void aTwoRowHeaderWithMergedCellsIsReadByItsLowerRow() throws Exception {
        XSSFWorkbook book = workbook(List.of(List.of("お子さん", "", "生年月日", "ケア"), List.of("氏名", "カナ", "", "時間"),
                List.of("熊本 ひかり", "クマモト ヒカリ", "2025/4/1", "24")));
        Sheet sheet = book.getSheetAt(0);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 2, 2));
        try (TableReader reader = TableFiles.open(save(book, "二段.xlsx"))) {
            TableHeader header = TableHeader.find(reader, COLUMNS);
            assertEquals(2, header.rowNumber());
            TableRow row = reader.next();
            assertEquals(3, row.number());
            assertEquals("熊本 ひかり", header.cell(row, NAME));
            assertEquals(LocalDate.of(2025, 4, 1), new RowReading(row, header).date(BORN), "生年月日 merged down over both rows");
        }
    }

    @Test
    void aFormulaGivesItsCachedValue() throws Exception {
        XSSFWorkbook book = workbook(List.of(List.of("氏名", "カナ", "時間"), List.of("熊本 ひかり", "クマモト ヒカリ")));
        book.getSheetAt(0).getRow(1).createCell(2).setCellFormula("12*2");
        XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
        try (TableReader reader = TableFiles.open(save(book, "式.xlsx"))) {
            TableHeader header = TableHeader.find(reader, COLUMNS);
            assertEquals("24", header.cell(reader.next(), HOURS));
        }
    }

    @Test
    void datesTypedInWarekiShortWarekiOrGregorianAndDateCellsAllRead() throws Exception {
        XSSFWorkbook book = workbook(List.of(List.of("氏名", "カナ", "生年月日"), List.of("一", "イチ", "令和7年4月1日"),
                List.of("二", "ニ", "R7.4.1"), List.of("三", "サン", "2025/4/1"), List.of("四", "ヨン")));
        Row dated = book.getSheetAt(0).getRow(4);
        CellStyle wareki = book.createCellStyle();
        wareki.setDataFormat(book.createDataFormat().getFormat("[$-411]ggge\"年\"m\"月\"d\"日\""));
        dated.createCell(2).setCellValue(LocalDate.of(2025, 4, 1));
        dated.getCell(2).setCellStyle(wareki);
        try (TableReader reader = TableFiles.open(save(book, "日付.xlsx"))) {
            TableHeader header = TableHeader.find(reader, COLUMNS);
            for (TableRow row = reader.next(); row != null; row = reader.next()) {
                RowReading reading = new RowReading(row, header);
                assertEquals(LocalDate.of(2025, 4, 1), reading.date(BORN), header.cell(row, BORN));
                assertTrue(reading.problems().isEmpty(), reading.problems().toString());
            }
        }
    }

    private String refusal(Path file) {
        return assertThrows(UnreadableTableException.class, () -> {
            try (TableReader reader = TableFiles.open(file)) {
                TableHeader.find(reader, COLUMNS);
                while (reader.next() != null) {
                    // reading to the end is where a CSV finds it has too many rows
                }
            }
        }).detail();
    }

    private static XSSFWorkbook workbook(List<List<String>> rows) {
        return Spreadsheets.workbook(rows);
    }

    private Path save(XSSFWorkbook book, String name) throws Exception {
        return Files.write(temp.resolve(name), Spreadsheets.bytes(book));
    }
}
