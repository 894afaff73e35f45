package jp.inochi.platform.tables;

import java.util.List;

/** What confirming would do with one row: create, update, or nothing (refused, with the problems). */
public record RowOutcome(int row, Outcome outcome, String subject, List<RowProblem> problems) {

    public enum Outcome {
        CREATED("新規登録"), UPDATED("更新"), UNCHANGED("変更なし"), REFUSED("取込できない");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RowOutcome {
        problems = List.copyOf(problems);
    }

    public static RowOutcome refused(int row, String subject, List<RowProblem> problems) {
        return new RowOutcome(row, Outcome.REFUSED, subject, problems);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    /** The reasons as one line for the dry-run table. */
    public String reasons() {
        return String.join(" / ", problems.stream().map(RowProblem::text).toList());
    }
}
