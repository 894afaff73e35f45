package jp.inochi.inspections.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.inspections.model.HouseholdFollowsCheck.Finding;
import org.junit.jupiter.api.Test;

class HouseholdFollowsCheckTest {

    private static InspectionChecklist checklist(boolean onVentilator, boolean inPrefecture) {
        return new InspectionChecklist(DeviceCondition.GOOD, true, true, BigDecimal.TEN, onVentilator, inPrefecture);
    }

    @Test
    void aCheckThatFindsTheChildOffTheVentilatorChangesTheHousehold() {
        assertEquals(List.of(Finding.OFF_VENTILATOR), HouseholdFollowsCheck.findings(checklist(false, true), true, true));
    }

    @Test
    void aCheckThatFindsTheFamilyOutsideThePrefectureChangesTheHousehold() {
        assertEquals(List.of(Finding.OUT_OF_PREFECTURE), HouseholdFollowsCheck.findings(checklist(true, false), true, true));
    }

    @Test
    void aFactTheHouseholdAlreadySaysIsNotRecordedAgain() {
        assertEquals(List.of(), HouseholdFollowsCheck.findings(checklist(false, false), false, false));
    }

    @Test
    void checkFindingTheChildInHospitalMarksTheHouseholdNotAtHome() {
        assertEquals(List.of(Finding.NOT_AT_HOME), HouseholdFollowsCheck.findings(checklist(true, true), false, true, true, true));
    }

    @Test
    void aChildAlreadyRecordedAsNotAtHomeIsNotRecordedAgain() {
        assertEquals(List.of(), HouseholdFollowsCheck.findings(checklist(true, true), false, true, true, false));
    }
}
