package jp.inochi.followups.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a follow-up falls due, as written by the center in {@code schedules/follow-ups.yml}, and which findings of a
 * yearly check open one (a damaged device, a failed test run, unsafe fuel: the generator may not run when needed).
 */
public record FollowUpPolicy(int dueInDays) {

    public LocalDate dueOn(LocalDate foundOn) {
        return foundOn.plusDays(dueInDays);
    }

    /**
     * The next yearly check after a failed condition: at the follow-up's due date, so that the repair or the new fuel
     * store is checked on site instead of waiting 12 months (seed 000, line 541: 年に1回程度 is the least, not the most).
     */
    public LocalDate nextCheckAfterFailedCondition(LocalDate foundOn) {
        return dueOn(foundOn);
    }

    /** What a check found that needs a follow-up, in the order staff read them. */
    public static List<FollowUpReason> reasons(boolean deviceDamaged, boolean testRunPassed, boolean fuelStoredSafely) {
        List<FollowUpReason> reasons = new ArrayList<>();
        if (deviceDamaged) {
            reasons.add(FollowUpReason.DAMAGED_DEVICE);
        }
        if (!testRunPassed) {
            reasons.add(FollowUpReason.FAILED_TEST_RUN);
        }
        if (!fuelStoredSafely) {
            reasons.add(FollowUpReason.UNSAFE_FUEL);
        }
        return reasons;
    }
}
