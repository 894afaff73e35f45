package jp.inochi.platform.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * Finds the header row among the first rows (title rows, merged or not, may sit above it) and where each column is,
 * in any order; extra columns are ignored. A column named twice (a header cell merged across columns) is refused.
 */
public final class TableHeader {
    /** The header must be within the first rows of the sheet. */
    static final int SEARCH_ROWS = 10;

    private final int rowNumber;
    private final Map<TableColumn, Integer> positions;

    private TableHeader(int rowNumber, Map<TableColumn, Integer> positions) {
        this.rowNumber = rowNumber;
        this.positions = positions;
    }

    /** Reads up to the header row; the reader then continues with the data rows. */
    public static TableHeader find(TableReader reader, List<TableColumn> columns) throws IOException {
        List<TableColumn> required = columns.stream().filter(TableColumn::required).toList();
        for (int read = 0; read < SEARCH_ROWS; read++) {
            TableRow row = reader.next();
            if (row == null) {
                break;
            }
            Map<TableColumn, List<Integer>> found = new HashMap<>();
            for (int c = 0; c < row.cells().size(); c++) {
                for (TableColumn column : columns) {
                    if (column.named(row.cell(c))) {
                        found.computeIfAbsent(column, k -> new ArrayList<>()).add(c);
                    }
                }
            }
            if (found.keySet().containsAll(required)) {
                return bind(row.number(), found);
            }
        }
        throw new UnreadableTableException("見出しの行が見つかりません。最初の" + SEARCH_ROWS + "行のうちの1行に、"
                + String.join("・", required.stream().map(c -> "「" + c.label() + "」").toList())
                + "の列名を入れてください（テンプレートを参照）");
    }

    private static TableHeader bind(int rowNumber, Map<TableColumn, List<Integer>> found) {
        Map<TableColumn, Integer> positions = new HashMap<>();
        for (Map.Entry<TableColumn, List<Integer>> entry : found.entrySet()) {
            List<Integer> at = entry.getValue();
            if (at.size() > 1) {
                throw new UnreadableTableException(rowNumber + "行目の見出し「" + entry.getKey().label() + "」が"
                        + String.join("・", at.stream().map(c -> CellReference.convertNumToColString(c) + "列").toList())
                        + "にあります。セルの結合を解除して、列ごとに1つの見出しを入れてください");
            }
            positions.put(entry.getKey(), at.get(0));
        }
        return new TableHeader(rowNumber, positions);
    }

    public int rowNumber() {
        return rowNumber;
    }

    public boolean has(TableColumn column) {
        return positions.containsKey(column);
    }

    /** The cell of this column in the row, stripped; null when empty or the sheet has no such column. */
    public String cell(TableRow row, TableColumn column) {
        Integer at = positions.get(column);
        return at == null ? null : row.cell(at);
    }
}
