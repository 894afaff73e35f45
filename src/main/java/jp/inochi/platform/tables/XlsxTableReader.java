package jp.inochi.platform.tables;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx, read with POI's event API (SAX over the sheet's XML, no workbook in memory) and
 * handed out row by row. Formulas give their cached value; date cells read as ISO dates (2025-04-01); numbers as
 * plain decimals; a merged range gives its value to every cell it covers. The sheet's merged ranges come after its
 * rows in the file, so the rows, at most {@link #MAX_ROWS}, are held until the sheet has been read.
 */
public final class XlsxTableReader implements TableReader {
    /** Title and header rows above the data, allowed on top of {@link #MAX_ROWS}. */
    private static final int HEADER_ALLOWANCE = 20;
    /** A merged range is filled only this far across: no list of ours has more columns. */
    private static final int MAX_COLUMNS = 200;

    private final Deque<TableRow> rows;

    XlsxTableReader(Path file) throws IOException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableTableException("ブックにシートがありません");
            }
            Collector collector = new Collector();
            List<CellRangeAddress> merged = new ArrayList<>();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(workbook), collector, new PlainValues(), false) {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes)
                            throws SAXException {
                        if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                            merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
                        }
                        super.startElement(uri, localName, qName, attributes);
                    }
                });
                parser.parse(new InputSource(sheet));
            }
            this.rows = fill(collector.rows, merged);
        } catch (UnreadableTableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof UnreadableTableException unreadable) {
                throw unreadable;
            }
            throw notReadable(e);
        } catch (Exception e) {
            if (e.getCause() instanceof UnreadableTableException unreadable) {
                throw unreadable;
            }
            throw notReadable(e);
        }
    }

    private static UnreadableTableException notReadable(Exception e) {
        return new UnreadableTableException("Excel ファイル（.xlsx）として読めません。壊れていないか、Excel で開いて保存し直してください（"
                + e.getClass().getSimpleName() + "）");
    }

    @Override
    public String format() {
        return "Excel（.xlsx）";
    }

    @Override
    public TableRow next() {
        return rows.pollFirst();
    }

    @Override
    public void close() {
        rows.clear();
    }

    private static Deque<TableRow> fill(List<String[]> cells, List<CellRangeAddress> merged) {
        for (CellRangeAddress range : merged) {
            int firstRow = range.getFirstRow();
            if (firstRow >= cells.size() || cells.get(firstRow) == null) {
                continue;
            }
            String[] top = cells.get(firstRow);
            String value = range.getFirstColumn() < top.length ? top[range.getFirstColumn()] : null;
            for (int r = firstRow; r <= Math.min(range.getLastRow(), cells.size() - 1); r++) {
                int lastColumn = Math.min(range.getLastColumn(), MAX_COLUMNS - 1);
                String[] row = cells.get(r) == null ? new String[0] : cells.get(r);
                if (row.length <= lastColumn) {
                    row = Arrays.copyOf(row, lastColumn + 1);
                }
                for (int c = range.getFirstColumn(); c <= lastColumn; c++) {
                    row[c] = value;
                }
                cells.set(r, row);
            }
        }
        Deque<TableRow> rows = new ArrayDeque<>();
        for (int r = 0; r < cells.size(); r++) {
            if (cells.get(r) != null) {
                TableRow row = new TableRow(r + 1, Arrays.asList(cells.get(r)));
                if (!row.blank()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Gathers the cells of each row by its 0-based index (rows without cells stay null). */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<String[]> rows = new ArrayList<>();
        private int filled;
        private String[] current;

        @Override
        public void startRow(int rowNum) {
            current = new String[0];
            while (rows.size() <= rowNum) {
                rows.add(null);
            }
        }

        @Override
        public void endRow(int rowNum) {
            rows.set(rowNum, current);
            if (Arrays.stream(current).anyMatch(cell -> cell != null && !cell.isBlank())
                    && ++filled > MAX_ROWS + HEADER_ALLOWANCE) {
                throw TableReader.tooManyRows();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.length : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            if (current.length <= column) {
                current = Arrays.copyOf(current, column + 1);
            }
            current[column] = value;
        }
    }

    /** Dates as ISO dates, other numbers as plain decimals: what the cell holds, not how the sheet shows it. */
    private static final class PlainValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if ((DateUtil.isADateFormat(formatIndex, formatString) || warekiDate(formatIndex, formatString))
                    && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        /** Excel's Japanese-era dates ([$-411]ggge"年"m"月"d"日"): POI's check doesn't know the era letters g and e. */
        private static boolean warekiDate(int formatIndex, String formatString) {
            if (formatString == null) {
                return false;
            }
            String unquoted = formatString.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
            return unquoted.matches(".*[ge].*")
                    && DateUtil.isADateFormat(formatIndex, formatString.replaceAll("[ge]", ""));
        }
    }
}
