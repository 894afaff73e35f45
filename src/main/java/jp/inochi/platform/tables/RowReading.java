package jp.inochi.platform.tables;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.inochi.platform.time.JapaneseDateText;

/**
 * Reads one row's cells into values, collecting a {@link RowProblem} for each cell that can't be read, so a row
 * lists every problem at once. Unreadable cells read as null.
 */
public final class RowReading {
    private static final Set<String> YES = Set.of("はい", "有", "あり", "○", "〇", "◯", "yes", "y", "true", "1", "する", "同意");
    private static final Set<String> NO = Set.of("いいえ", "無", "なし", "×", "✕", "-", "no", "n", "false", "0", "しない", "不同意");

    private final TableRow row;
    private final TableHeader header;
    private final List<RowProblem> problems = new ArrayList<>();

    public RowReading(TableRow row, TableHeader header) {
        this.row = row;
        this.header = header;
    }

    public int rowNumber() {
        return row.number();
    }

    public String text(TableColumn column) {
        String text = header.cell(row, column);
        if (text == null && column.required()) {
            reject(column, "入力してください");
        }
        return text;
    }

    public LocalDate date(TableColumn column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        return JapaneseDateText.parse(text).orElseGet(() -> {
            reject(column, "日付として読めません（「" + text + "」。例: 令和7年4月1日、R7.4.1、2025/4/1）");
            return null;
        });
    }

    public BigDecimal decimal(TableColumn column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(Normalizer.normalize(text, Normalizer.Form.NFKC).replace(",", "").strip());
        } catch (NumberFormatException e) {
            reject(column, "数として読めません（「" + text + "」）");
            return null;
        }
    }

    public Integer integer(TableColumn column) {
        BigDecimal value = decimal(column);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            reject(column, "整数で入力してください（「" + value.toPlainString() + "」）");
            return null;
        }
    }

    public Double coordinate(TableColumn column) {
        BigDecimal value = decimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** はい/いいえ, 有/無, ○/×, true/false, 1/0. */
    public Boolean yesNo(TableColumn column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(java.util.Locale.ROOT);
        if (YES.contains(normal)) {
            return true;
        }
        if (NO.contains(normal)) {
            return false;
        }
        reject(column, "「はい」か「いいえ」で入力してください（「" + text + "」）");
        return null;
    }

    public void reject(TableColumn column, String message) {
        reject(column == null ? null : column.label(), message);
    }

    public void reject(String column, String message) {
        boolean known = problems.stream().anyMatch(p -> p.column() != null && p.column().equals(column));
        if (column == null || !known) {
            problems.add(new RowProblem(row.number(), column, message));
        }
    }

    public boolean hasProblem(String column) {
        return problems.stream().anyMatch(p -> column.equals(p.column()));
    }

    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }
}
