package jp.inochi.inspections.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import jp.inochi.devices.DeviceCondition;
import org.junit.jupiter.api.Test;

class InspectionVerdictTest {

    private static InspectionChecklist checklist(DeviceCondition condition, boolean testRun, boolean fuelSafe,
                                                 boolean onVentilator, boolean inPrefecture) {
        return new InspectionChecklist(condition, testRun, fuelSafe, new BigDecimal("10.0"), onVentilator, inPrefecture);
    }

    @Test
    void everythingInOrderMeetsTheConditions() {
        assertEquals(Optional.of(InspectionOutcome.CONDITIONS_MET),
                InspectionVerdict.outcome(checklist(DeviceCondition.GOOD, true, true, true, true), null));
    }

    @Test
    void aFamilyNoLongerInThePrefectureFailsEligibilityWhateverStaffChose() {
        InspectionChecklist moved = checklist(DeviceCondition.GOOD, true, true, true, false);
        assertEquals(Optional.of(InspectionOutcome.CONDITIONS_NOT_MET), InspectionVerdict.outcome(moved, null));
        assertEquals(Optional.empty(), InspectionVerdict.outcome(moved, InspectionOutcome.CONDITIONS_MET));
    }

    @Test
    void aChildNoLongerOnTheVentilatorAroundTheClockFailsEligibility() {
        assertEquals(Optional.of(InspectionOutcome.CONDITIONS_NOT_MET), InspectionVerdict.outcome(
                checklist(DeviceCondition.GOOD, true, true, false, true), InspectionOutcome.CONDITIONS_NOT_MET));
    }

    @Test
    void aFailedTestRunOrUnsafeFuelNeedsFollowUpNotAReturn() {
        assertEquals(Optional.of(InspectionOutcome.FOLLOW_UP_NEEDED),
                InspectionVerdict.outcome(checklist(DeviceCondition.GOOD, false, true, true, true), null));
        assertEquals(Optional.empty(), InspectionVerdict.outcome(checklist(DeviceCondition.GOOD, true, false, true, true),
                InspectionOutcome.CONDITIONS_MET));
        assertEquals(Optional.empty(), InspectionVerdict.outcome(checklist(DeviceCondition.DAMAGED, true, true, true, true),
                InspectionOutcome.CONDITIONS_NOT_MET));
    }

    @Test
    void staffMayAskForFollowUpEvenWhenEverythingIsInOrder() {
        assertEquals(Optional.of(InspectionOutcome.FOLLOW_UP_NEEDED), InspectionVerdict.outcome(
                checklist(DeviceCondition.WORN, true, true, true, true), InspectionOutcome.FOLLOW_UP_NEEDED));
    }
}
