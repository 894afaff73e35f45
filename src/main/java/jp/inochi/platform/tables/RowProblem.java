package jp.inochi.platform.tables;

/** Why a row can't be taken, and in which column: 「3行目 生年月日: 日付として読めません」. */
public record RowProblem(int row, String column, String message) {

    public String text() {
        return row + "行目 " + (column == null ? "" : column + ": ") + message;
    }
}
