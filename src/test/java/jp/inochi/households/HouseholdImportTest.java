package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of the household bulk import: a 500-row workbook (a merged title row above the header, formulas,
 * dates in 和暦, R7.4.1 and 2025/4/1) with 7 bad rows gives 7 refusals with row and column and writes nothing;
 * fixed, the confirmed import writes all 500 in one transaction, audited once with its row count.
 */
@MicronautTest(transactional = false)
class HouseholdImportTest {
    private static final int ROWS = 500;
    /** Data rows start on row 3: row 1 is the merged title, row 2 the header. */
    private static final int FIRST = 3;

    @Inject
    HouseholdImport imports;
    @Inject
    TestLogins logins;

    @Test
    void aDryRunRefusesEachBadRowWithItsCellAndTheFixedFileIsWrittenWholeOnConfirmation() throws Exception {
        Viewer staff = logins.viewer(Role.CENTER_STAFF);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Integer, String> bad = Map.of(
                10, "生年月日", 20, "子の姓（カナ）", 30, "住所", 40, "郵便番号", 50, "市町村コード", 60, "世帯番号", 70, "人工呼吸器");
        Path file = workbook(run, true);

        DryRun dryRun = imports.dryRun(staff, file, "register.xlsx");

        assertEquals(ROWS, dryRun.rows().size());
        assertEquals(7, dryRun.refusedCount(), dryRun.refusals().toString());
        for (RowOutcome refused : dryRun.refusals()) {
            int index = refused.row() - FIRST;
            assertEquals(1, refused.problems().size(), refused.reasons());
            assertEquals(bad.get(index), refused.problems().get(0).column(), refused.reasons());
            assertTrue(refused.reasons().startsWith(refused.row() + "行目 " + bad.get(index) + ": "), refused.reasons());
        }
        assertTrue(dryRun.refusals().get(0).reasons().contains("日付として読めません"), dryRun.refusals().get(0).reasons());
        assertEquals(0, written(run));
        HouseholdImport.Confirmation refusedWhole = imports.confirm(staff, dryRun.id(), dryRun.digest());
        assertFalse(refusedWhole.written());
        assertEquals(0, written(run));

        DryRun fixed = imports.dryRun(staff, workbook(run, false), "register-fixed.xlsx");
        assertEquals(0, fixed.refusedCount(), fixed.refusals().toString());
        assertEquals(ROWS, fixed.createdCount());
        HouseholdImport.Confirmation done = imports.confirm(staff, fixed.id(), fixed.digest());

        assertTrue(done.written());
        assertEquals(ROWS, written(run));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'IMPORT' AND subject_id = ? AND row_count = ?",
                fixed.id().toString(), ROWS));
        assertEquals(1, Sql.queryForLong("""
                SELECT count(*) FROM household WHERE child_given_name = ? AND child_birth_date = DATE '2023-04-01'
                AND ventilator_hours_per_day = 24""", "試" + run + "-1"), "R5.4.1 read, and the formula's cached 24");
    }

    private static long written(String run) throws Exception {
        return Sql.queryForLong("SELECT count(*) FROM household WHERE child_given_name LIKE ?", "試" + run + "-%");
    }

    /** The template's columns, 500 families; with {@code bad}, rows 10, 20 ... 70 each break one rule. */
    static Path workbook(String run, boolean bad) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("世帯");
            sheet.createRow(0).createCell(0).setCellValue("医療的ケア児 世帯名簿（センター）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            Row header = sheet.createRow(1);
            for (int c = 0; c < HouseholdImportColumns.ALL.size(); c++) {
                header.createCell(c).setCellValue(HouseholdImportColumns.ALL.get(c).label());
            }
            String[] dates = {"令和5年4月1日", "R5.4.1", "2023/4/1"};
            for (int i = 0; i < ROWS; i++) {
                List<String> cells = new ArrayList<>(HouseholdImportColumns.EXAMPLE);
                cells.set(2, "試" + run + "-" + i);
                cells.set(5, dates[i % 3]);
                if (bad) {
                    switch (i) {
                        case 10 -> cells.set(5, "昨日");
                        case 20 -> cells.set(3, "くまもと");
                        case 30 -> cells.set(14, "");
                        case 40 -> cells.set(13, "86-00");
                        case 50 -> cells.set(16, "43999");
                        case 60 -> cells.set(0, "999999999");
                        case 70 -> cells.set(9, "たぶん");
                        default -> { }
                    }
                }
                Row row = sheet.createRow(FIRST - 1 + i);
                for (int c = 0; c < cells.size(); c++) {
                    if (c == 10) {
                        row.createCell(c).setCellFormula("12*2");
                    } else if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
            Path file = Files.createTempFile("households-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        }
    }
}
