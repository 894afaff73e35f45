package jp.inochi.platform.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows through the writer alone: the heap in use stays bounded while rows are added (only a window of rows is
 * kept; the rest goes to a compressed temporary file), and the file holds every row.
 */
class XlsxStreamingTest {
    static final int ROWS = 100_000;
    /** A non-streaming workbook of this size needs several hundred megabytes; the stream needs a few. */
    static final long BOUND = 48L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void writingOneHundredThousandRowsKeepsTheHeapBounded() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long peak = 0;
        Path file = temp.resolve("large.xlsx");
        try (XlsxExport xlsx = new XlsxExport("大きな一覧", XlsxExportTest.COLUMNS);
             OutputStream out = Files.newOutputStream(file)) {
            LocalDate day = LocalDate.of(2026, 4, 1);
            Instant at = Instant.parse("2026-04-01T00:00:00Z");
            for (int i = 0; i < ROWS; i++) {
                xlsx.row(List.of(i, "熊本 ひかり" + i + " 熊本県人吉市麓町" + i, day.plusDays(i % 365), 130.0 + i / 1e6,
                        at.plusSeconds(i)));
                if (i % 20_000 == 19_999) {
                    peak = Math.max(peak, usedAfterGc(memory) - before);
                }
            }
            assertEquals(ROWS, xlsx.dataRows());
            xlsx.write(XlsxExportTest.NOTES, out);
            peak = Math.max(peak, usedAfterGc(memory) - before);
        }
        assertTrue(peak < BOUND, "heap grew by " + peak / 1024 / 1024 + " MB while writing " + ROWS + " rows");
        assertTrue(Files.size(file) > 1_000_000, "the rows are in the file: " + Files.size(file));
        assertEquals(ROWS + 1, rowsOfTheFirstSheet(file), "the header and every row");
    }

    /** Counts the rows by scanning the sheet's XML, since reading 100,000 rows back as objects would need the heap. */
    private static int rowsOfTheFirstSheet(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = new BufferedInputStream(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")))) {
            byte[] tag = "<row ".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            int rows = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == tag[matched] ? matched + 1 : (b == tag[0] ? 1 : 0);
                if (matched == tag.length) {
                    rows++;
                    matched = 0;
                }
            }
            return rows;
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
