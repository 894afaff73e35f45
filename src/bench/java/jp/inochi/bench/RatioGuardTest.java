package jp.inochi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs with the bench profile: {@code mvn -Pbench test -Dtest=RatioGuardTest}. */
class RatioGuardTest {

    private static BenchResult result(double ours, Double baseline, String goal) {
        return new BenchResult("at-risk", "list", ours, "ms", "psql", baseline, goal, baseline != null && ours <= 1.3 * baseline);
    }

    @Test
    void readsTheRatioGoalsAsTheBenchmarksWriteThem() {
        assertEquals(1.3, RatioGuard.ratioGoal("≤ 1.3 × psql"));
        assertEquals(1.0, RatioGuard.ratioGoal("≤ 1.0 × ogr2ogr"));
        assertEquals(1.5, RatioGuard.ratioGoal("≤ 1.5× and < 200 ms"));
        assertNull(RatioGuard.ratioGoal("< 1 s"));
        assertNull(RatioGuard.ratioGoal("reference"));
        assertNull(RatioGuard.ratioGoal(null));
    }

    @Test
    void aRatioMoreThanTwentyPercentAboveItsGoalFails() {
        BenchResult missed = result(16.0, 10.0, "≤ 1.3 × psql"); // 1.6 > 1.3 × 1.2 = 1.56
        assertTrue(RatioGuard.missedBeyondTolerance(missed));
        assertEquals(1, RatioGuard.failures(List.of(missed)).size());
        assertTrue(RatioGuard.failures(List.of(missed)).get(0).contains("ratio 1.60 > 1.56"));
    }

    @Test
    void aRatioMissingItsGoalByTwentyPercentOrLessPasses() {
        assertFalse(RatioGuard.missedBeyondTolerance(result(15.5, 10.0, "≤ 1.3 × psql"))); // 1.55 ≤ 1.56
        assertFalse(RatioGuard.missedBeyondTolerance(result(12.0, 10.0, "≤ 1.3 × psql")));
    }

    @Test
    void resultsWithoutABaselineOrARatioGoalAreNotChecked() {
        assertFalse(RatioGuard.missedBeyondTolerance(BenchResult.withoutBaseline("exposure", "x", 99, "s", "< 1 s", false)));
        assertFalse(RatioGuard.missedBeyondTolerance(result(99.0, 1.0, "reference")));
        assertTrue(RatioGuard.failures(List.of(result(99.0, 1.0, "reference"))).isEmpty());
    }
}
