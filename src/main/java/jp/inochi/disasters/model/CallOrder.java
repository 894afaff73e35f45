package jp.inochi.disasters.model;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Who is called first on a disaster day: every household with a ventilator before the other medical-care households
 * (seed 002, line 9025: start contacting with ventilator users; line 7483: hazard maps were checked for ventilator
 * users first); within each, (1) the most hours a day on the ventilator first, (2) the least power autonomy left
 * (hours since the outage began subtracted) first, (3) the most severe hazard at home first. Missing values come last
 * within their step (a household whose ventilator hours are unknown is not put ahead of one known to need 24 hours),
 * and the household id keeps the order stable.
 */
public final class CallOrder {

    /** What the order looks at for one household. {@code hazardSeverity} is relative to its type's scale (0–1). */
    public record Position(long householdId, boolean ventilator, BigDecimal ventilatorHoursPerDay,
                           BigDecimal remainingAutonomyHours, Double hazardSeverity) {
    }

    public static final Comparator<Position> FIRST_TO_CALL = Comparator
            .comparing(Position::ventilator, Comparator.reverseOrder())
            .thenComparing(Position::ventilatorHoursPerDay, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Position::remainingAutonomyHours, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Position::hazardSeverity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Position::householdId);

    private CallOrder() {
    }
}
