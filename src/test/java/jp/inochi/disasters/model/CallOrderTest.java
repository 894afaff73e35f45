package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallOrderTest {

    private static CallOrder.Position position(long id, boolean ventilator, String hoursPerDay, String remaining, Double hazard) {
        return new CallOrder.Position(id, ventilator, hoursPerDay == null ? null : new BigDecimal(hoursPerDay),
                remaining == null ? null : new BigDecimal(remaining), hazard);
    }

    private static List<Long> ordered(CallOrder.Position... positions) {
        List<CallOrder.Position> list = new ArrayList<>(List.of(positions));
        list.sort(CallOrder.FIRST_TO_CALL);
        return list.stream().map(CallOrder.Position::householdId).toList();
    }

    @Test
    void everyVentilatorHouseholdComesBeforeEveryOtherMedicalCareHousehold() {
        assertEquals(List.of(2L, 1L), ordered(position(1, false, "24", "0", 1.0), position(2, true, "1", "500", null)));
    }

    @Test
    void moreHoursADayOnTheVentilatorComeFirst() {
        assertEquals(List.of(2L, 1L), ordered(position(1, true, "12", "0", 1.0), position(2, true, "24", "100", 0.1)));
    }

    @Test
    void withTheSameHoursTheLeastRemainingAutonomyComesFirst() {
        assertEquals(List.of(2L, 1L), ordered(position(1, true, "24", "30.5", 1.0), position(2, true, "24", "4.0", 0.1)));
    }

    @Test
    void withTheSameAutonomyTheMoreSevereHazardAtHomeComesFirst() {
        assertEquals(List.of(2L, 3L, 1L), ordered(position(1, true, "24", "10", null), position(2, true, "24", "10", 0.667),
                position(3, true, "24", "10", 0.333)));
    }

    @Test
    void unknownVentilatorHoursComeAfterKnownOnesAndTheIdKeepsTheOrderStable() {
        assertEquals(List.of(3L, 1L, 2L), ordered(position(2, true, null, "1", 1.0), position(1, true, null, "1", 1.0),
                position(3, true, "2", "100", null)));
    }
}
