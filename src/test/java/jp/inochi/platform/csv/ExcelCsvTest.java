package jp.inochi.platform.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcelCsvTest {

    @Test
    void startsWithTheUtf8ByteOrderMarkAndEndsEveryRowWithCrLf() {
        byte[] bytes = new ExcelCsv(List.of("氏名", "件数")).row(List.of("熊本 ひかり", 3)).bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("氏名,件数\r\n熊本 ひかり,3\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void cellsThatExcelWouldRunAsFormulasAreShownAsText() {
        for (String payload : List.of("=HYPERLINK(\"http://evil.example\",\"開く\")", "+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "＝1+1", "＠SUM(1)")) {
            assertEquals("'" + payload, ExcelCsv.neutralise(payload), payload);
        }
        assertEquals("熊本市 = 43100", ExcelCsv.neutralise("熊本市 = 43100"), "only the first character matters");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedSoARowStaysARow() {
        String csv = text(new ExcelCsv(List.of("a")).row(List.of("1,2")).row(List.of("say \"hi\"")).row(List.of("two\nlines")));
        assertEquals("a\r\n\"1,2\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n", csv);
    }

    @Test
    void aFormulaInsideQuotesIsStillNeutralised() {
        assertEquals("a\r\n\"'=1+1,2\"\r\n", text(new ExcelCsv(List.of("a")).row(List.of("=1+1,2"))));
    }

    @Test
    void numbersAndEmptyCellsAreWrittenAsTheyAre() {
        assertEquals("a,b,c\r\n-5,,x\r\n", text(new ExcelCsv(List.of("a", "b", "c")).row(Arrays.asList(-5, null, "x"))));
    }

    private static String text(ExcelCsv csv) {
        byte[] bytes = csv.bytes();
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
}
