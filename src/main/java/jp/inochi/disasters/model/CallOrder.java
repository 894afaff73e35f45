package jp.inochi.disasters.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who is called first on a disaster day (issue 13, which corrects the earlier rule that put ventilator hours before
 * power): (1) children on a ventilator before the other medical-care children; (2) then the least power left now first
 * (autonomy minus the hours since the outage began; unknown power counts as none, and {@link PowerAutonomy} flags it
 * 「電源情報なし」); (3) then the most severe hazard at home first, none last; (4) then the most hours a day on the
 * ventilator first, unknown last. The household id keeps the order stable.
 */
public final class CallOrder {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    /**
     * What the order looks at for one household. The ventilator's use may be recorded as hours a day, as minutes a day
     * off it, or both; {@code remainingAutonomyHours} is null when nothing is known of the family's power;
     * {@code hazardSeverity} is relative to its type's scale (0–1).
     */
    public record Position(long householdId, boolean ventilatorDependent, BigDecimal ventilatorHoursPerDay,
                           Integer ventilatorOffMinutesPerDay, BigDecimal remainingAutonomyHours,
                           Double hazardSeverity) {

        /** On a ventilator: marked so, or any time a day on it recorded as hours on or minutes off. */
        public boolean ventilatorUser() {
            BigDecimal hours = hoursOnVentilator();
            return ventilatorDependent || hours != null && hours.signum() > 0;
        }

        /**
         * Hours a day on the ventilator from whichever is recorded; when both are, the larger, so a conflicting entry
         * never moves a child down the list. Null when neither is recorded.
         */
        public BigDecimal hoursOnVentilator() {
            BigDecimal fromMinutes = ventilatorOffMinutesPerDay == null ? null : HOURS_PER_DAY.subtract(
                    BigDecimal.valueOf(ventilatorOffMinutesPerDay).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP));
            if (ventilatorHoursPerDay == null) {
                return fromMinutes;
            }
            return fromMinutes == null ? ventilatorHoursPerDay : ventilatorHoursPerDay.max(fromMinutes);
        }

        /** Power left now in hours; unknown counts as none, so a gap in the data makes a family more urgent. */
        public BigDecimal powerLeft() {
            return remainingAutonomyHours == null ? BigDecimal.ZERO : remainingAutonomyHours;
        }
    }

    /**
     * What the order compares, worked out once from a position, as plain numbers compared in one written-out method:
     * the call sheet ranks every household of an event on each page it shows. Hours and severities are doubles (hours
     * are recorded to a tenth or a hundredth, which doubles keep in order); an unknown hazard or unknown hours on the
     * ventilator is minus infinity, so it comes after every known one where the largest comes first.
     */
    private record Key(boolean ventilatorUser, double powerLeft, double hazardSeverity, double hoursOnVentilator,
                       long householdId) implements Comparable<Key> {
        static Key of(Position position) {
            BigDecimal hours = position.hoursOnVentilator();
            return new Key(position.ventilatorUser(), position.powerLeft().doubleValue(),
                    position.hazardSeverity() == null ? Double.NEGATIVE_INFINITY : position.hazardSeverity(),
                    hours == null ? Double.NEGATIVE_INFINITY : hours.doubleValue(), position.householdId());
        }

        // Seed 002, lines 7483 and 9025: hazard maps were checked, and contact started, with ventilator users first.
        @Override
        public int compareTo(Key other) {
            if (ventilatorUser != other.ventilatorUser) {
                return ventilatorUser ? -1 : 1;
            }
            int byPower = Double.compare(powerLeft, other.powerLeft);
            if (byPower != 0) {
                return byPower;
            }
            int byHazard = Double.compare(other.hazardSeverity, hazardSeverity);
            if (byHazard != 0) {
                return byHazard;
            }
            int byHours = Double.compare(other.hoursOnVentilator, hoursOnVentilator);
            return byHours != 0 ? byHours : Long.compare(householdId, other.householdId);
        }
    }

    public static final Comparator<Position> FIRST_TO_CALL = Comparator.comparing(Key::of);

    /** The items first to call first, each one's position worked out once rather than at every comparison. */
    public static <T> List<T> inOrder(List<T> items, Function<T, Position> position) {
        List<Map.Entry<Key, T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(Map.entry(Key.of(position.apply(item)), item));
        }
        keyed.sort(Map.Entry.comparingByKey());
        List<T> ordered = new ArrayList<>(items.size());
        keyed.forEach(entry -> ordered.add(entry.getValue()));
        return ordered;
    }

    private CallOrder() {
    }
}
