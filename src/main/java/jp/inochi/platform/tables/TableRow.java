package jp.inochi.platform.tables;

import java.util.List;

/** One row of a sheet: its row number as the spreadsheet shows it (1 = the first line) and its cells as text. */
public record TableRow(int number, List<String> cells) {

    public TableRow {
        // empty cells are null, which List.copyOf refuses
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }

    /** The cell's text, stripped; null when the row has no such cell or it is empty. */
    public String cell(int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String text = cells.get(column);
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean blank() {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
