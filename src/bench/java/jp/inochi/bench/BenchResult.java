package jp.inochi.bench;

/**
 * One measured line: ours beside the baseline (when the issue names one), with the goal.
 * {@code ratio} is ours ÷ baseline; {@code met} says whether the goal holds.
 */
public record BenchResult(String benchmark, String measure, double ours, String unit,
                          String baselineName, Double baseline, String goal, boolean met) {

    public static BenchResult withoutBaseline(String benchmark, String measure, double ours, String unit,
                                              String goal, boolean met) {
        return new BenchResult(benchmark, measure, ours, unit, "—", null, goal, met);
    }

    public Double ratio() {
        return baseline == null || baseline == 0 ? null : ours / baseline;
    }

    String toMarkdownRow() {
        return "| " + benchmark + " | " + measure + " | " + format(ours) + " " + unit + " | " + baselineName
                + (baseline == null ? "" : " " + format(baseline) + " " + unit) + " | "
                + (ratio() == null ? "—" : String.format("%.2f", ratio())) + " | " + goal + " | " + (met ? "yes" : "**no**") + " |";
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%.0f", value) : String.format("%.3g", value);
    }
}
