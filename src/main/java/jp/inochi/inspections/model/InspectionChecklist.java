package jp.inochi.inspections.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.devices.DeviceCondition;

/**
 * 装置の使用状況及び状態並びに貸与の条件に合致しているかどうか (seed 000, line 541), item by item; plus the litres of
 * fuel the family stores, from which the disaster-day view computes how long the generator can run.
 */
public record InspectionChecklist(
        DeviceCondition deviceCondition,
        boolean testRunPassed,
        boolean fuelStoredSafely,
        BigDecimal fuelStoredLitres,
        boolean childUsesVentilatorAroundClock,
        boolean familyLivesInPrefecture) {

    /** The program's conditions no longer hold: the child is off the ventilator (line 563) or the family moved out (line 562). */
    public boolean failsEligibility() {
        return !childUsesVentilatorAroundClock || !familyLivesInPrefecture;
    }

    /** What fails, in words for the loan's timeline. */
    public List<String> eligibilityFailures() {
        List<String> failures = new ArrayList<>();
        if (!familyLivesInPrefecture) {
            failures.add("ご家族が熊本県内に住んでいない");
        }
        if (!childUsesVentilatorAroundClock) {
            failures.add("お子さんが人工呼吸器をほぼ24時間使用していない");
        }
        return failures;
    }

    /** Something the center must follow up although the conditions still hold. */
    public boolean needsFollowUp() {
        return deviceCondition == DeviceCondition.DAMAGED || !testRunPassed || !fuelStoredSafely;
    }
}
