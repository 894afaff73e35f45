package jp.inochi.applications.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the policy needs to know about a family; taken from the household and the application. */
public record EligibilityFacts(
        boolean nicuInKumamoto,
        LocalDate nicuDischargeDate,
        boolean ventilatorDependent,
        BigDecimal ventilatorHoursPerDay,
        Integer ventilatorOffMinutesPerDay,
        String prefectureCode,
        String municipalityCode,
        String subsidyExceptionReason,
        LocalDate plannedDischargeDate) {

    public static final String KUMAMOTO = "43";

    /** A family whose application gives no planned discharge date. */
    public EligibilityFacts(boolean nicuInKumamoto, LocalDate nicuDischargeDate, boolean ventilatorDependent,
                            BigDecimal ventilatorHoursPerDay, Integer ventilatorOffMinutesPerDay, String prefectureCode,
                            String municipalityCode, String subsidyExceptionReason) {
        this(nicuInKumamoto, nicuDischargeDate, ventilatorDependent, ventilatorHoursPerDay, ventilatorOffMinutesPerDay,
                prefectureCode, municipalityCode, subsidyExceptionReason, null);
    }

    /**
     * Minutes a day off the ventilator: the larger of the recorded minutes and what the recorded hours imply,
     * so two inconsistent entries never make a family look more eligible than either says. Null if neither is known.
     */
    public Integer offMinutesPerDay() {
        Integer fromHours = ventilatorHoursPerDay == null ? null
                : BigDecimal.valueOf(24).subtract(ventilatorHoursPerDay).multiply(BigDecimal.valueOf(60)).intValue();
        if (ventilatorOffMinutesPerDay == null) {
            return fromHours;
        }
        return fromHours == null ? ventilatorOffMinutesPerDay : Math.max(fromHours, ventilatorOffMinutesPerDay);
    }

    public boolean hasSubsidyException() {
        return SubsidyExceptionReason.isRecorded(subsidyExceptionReason);
    }
}
