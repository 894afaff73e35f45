package jp.inochi.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regression guard of {@code bin/bench --quick}: a result with a ratio goal ("≤ 1.3 × psql") fails the run when
 * its ratio is more than {@link #TOLERANCE} times that goal (a 20 % margin, as the machines are noisy). Results with
 * no baseline or an absolute goal ("< 1 s") are not checked: absolute times on these machines say too little.
 */
final class RatioGuard {
    static final double TOLERANCE = 1.2;
    /** The goal's number, read from its text so the text shown and the number checked cannot differ. */
    private static final Pattern RATIO_GOAL = Pattern.compile("≤\\s*(\\d+(?:\\.\\d+)?)\\s*×");

    private RatioGuard() {
    }

    /** The ratio goal N of a goal written "≤ N × baseline" (or "≤ N×"), or null if the goal is not a ratio. */
    static Double ratioGoal(String goal) {
        Matcher matcher = goal == null ? null : RATIO_GOAL.matcher(goal);
        return matcher != null && matcher.find() ? Double.valueOf(matcher.group(1)) : null;
    }

    /** Whether the result's ratio is beyond its goal by more than the tolerance. */
    static boolean missedBeyondTolerance(BenchResult result) {
        Double goal = ratioGoal(result.goal());
        Double ratio = result.ratio();
        return goal != null && ratio != null && ratio > goal * TOLERANCE;
    }

    /** One line per result that fails the guard, saying by how much. */
    static List<String> failures(List<BenchResult> results) {
        return results.stream().filter(RatioGuard::missedBeyondTolerance)
                .map(result -> String.format("%s: %s: ratio %.2f > %.2f (goal %s, +%.0f %% allowed)", result.benchmark(),
                        result.measure(), result.ratio(), ratioGoal(result.goal()) * TOLERANCE, result.goal(),
                        (TOLERANCE - 1) * 100))
                .toList();
    }
}
