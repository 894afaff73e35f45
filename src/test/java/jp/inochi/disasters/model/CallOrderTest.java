package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallOrderTest {

    /** A household on a ventilator recorded as hours a day. */
    private static CallOrder.Position onVentilator(long id, String hoursPerDay, String powerLeft, Double hazard) {
        return new CallOrder.Position(id, true, hoursPerDay == null ? null : new BigDecimal(hoursPerDay), null,
                powerLeft == null ? null : new BigDecimal(powerLeft), hazard);
    }

    private static CallOrder.Position otherCare(long id, String powerLeft, Double hazard) {
        return new CallOrder.Position(id, false, null, null, new BigDecimal(powerLeft), hazard);
    }

    private static List<Long> ordered(CallOrder.Position... positions) {
        List<CallOrder.Position> list = new ArrayList<>(List.of(positions));
        list.sort(CallOrder.FIRST_TO_CALL);
        List<Long> sorted = list.stream().map(CallOrder.Position::householdId).toList();
        // the pages rank with inOrder: both must give the same order
        assertEquals(sorted, CallOrder.inOrder(List.of(positions), position -> position).stream()
                .map(CallOrder.Position::householdId).toList());
        return sorted;
    }

    @Test
    void everyVentilatorHouseholdComesBeforeEveryOtherMedicalCareHousehold() {
        assertEquals(List.of(2L, 1L), ordered(otherCare(1, "0", 1.0), onVentilator(2, "1", "500", null)));
    }

    @Test
    void childWithNoPowerLeftIsCalledBeforeChildWithFuelForTwoDays() {
        assertEquals(List.of(2L, 1L), ordered(onVentilator(1, "24", "48", 0.5), onVentilator(2, "24", "0", 0.5)));
    }

    @Test
    void ventilatorRecordedOnlyAsMinutesOffCountsAsVentilatorUser() {
        CallOrder.Position minutesOnly = new CallOrder.Position(1, false, null, 0, BigDecimal.ZERO, null);
        assertTrue(minutesOnly.ventilatorUser());
        assertEquals(new BigDecimal("24.00"), minutesOnly.hoursOnVentilator());
        assertEquals(List.of(1L, 2L), ordered(otherCare(2, "0", 1.0), minutesOnly));
    }

    @Test
    void childRecordedOnlyAsZeroMinutesOffIsCalledBeforeChildOnTwoHoursWithAHundredHoursOfPower() {
        CallOrder.Position allDay = new CallOrder.Position(1, true, null, 0, new BigDecimal("10"), null);
        assertEquals(List.of(1L, 2L), ordered(onVentilator(2, "2", "100", null), allDay));
    }

    @Test
    void childOnTwentyThreeAndAHalfHoursWithNoPowerLeftIsCalledBeforeChildOnTwentyFourWithFortyEightHoursOfFuel() {
        assertEquals(List.of(2L, 1L), ordered(onVentilator(1, "24.0", "48", 1.0), onVentilator(2, "23.5", "0", 0.1)));
    }

    @Test
    void unknownPowerCountsAsNoneAndIsFlagged() {
        assertEquals(List.of(1L, 2L), ordered(onVentilator(2, "24", "0.5", null), onVentilator(1, "24", null, null)));
        assertEquals(List.of(1L, 2L), ordered(onVentilator(2, "24", "0", null), onVentilator(1, "24", null, null)),
                "unknown ties with none; the id decides");
        PowerAutonomy nothingRecorded = PowerAutonomy.of(new PowerAutonomy.Inputs(null, 0, null, null, List.of()));
        assertTrue(nothingRecorded.unknown());
        assertEquals(BigDecimal.ZERO.setScale(1), nothingRecorded.remainingAfter(BigDecimal.ONE));
        assertTrue(nothingRecorded.flags(null).contains(PowerAutonomy.Flag.NO_POWER_INFORMATION));
        assertEquals("電源情報なし", PowerAutonomy.Flag.NO_POWER_INFORMATION.label());
    }

    @Test
    void withTheSamePowerLeftTheMoreSevereHazardAtHomeComesFirst() {
        assertEquals(List.of(2L, 3L, 1L), ordered(onVentilator(1, "24", "10", null), onVentilator(2, "12", "10", 0.667),
                onVentilator(3, "24", "10", 0.333)));
    }

    @Test
    void withTheSamePowerAndHazardMoreHoursADayOnTheVentilatorComeFirst() {
        assertEquals(List.of(2L, 1L), ordered(onVentilator(1, "12", "10", 0.5), onVentilator(2, "24", "10", 0.5)));
    }

    @Test
    void whenBothAreRecordedTheLargerReadingOfHoursOnTheVentilatorCounts() {
        CallOrder.Position both = new CallOrder.Position(1, true, new BigDecimal("20.0"), 10, BigDecimal.TEN, 0.5);
        assertEquals(new BigDecimal("23.83"), both.hoursOnVentilator());
        assertEquals(List.of(1L, 2L), ordered(onVentilator(2, "23.5", "10", 0.5), both));
    }

    @Test
    void unknownVentilatorHoursComeAfterKnownOnesAndTheIdKeepsTheOrderStable() {
        assertEquals(List.of(3L, 1L, 2L), ordered(onVentilator(2, null, "1", 1.0), onVentilator(1, null, "1", 1.0),
                onVentilator(3, "2", "1", 1.0)));
    }

    @Test
    void aChildWithTheWholeDayOffTheVentilatorIsNotCountedAsAVentilatorUser() {
        assertEquals(false, new CallOrder.Position(1, false, null, 1440, BigDecimal.ZERO, null).ventilatorUser());
    }
}
