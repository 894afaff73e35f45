package jp.inochi.inspections.model;

import java.util.Optional;

/**
 * 貸与の条件に合致しているかどうかを確認 (seed 000, line 541); a family that moved out (line 562) or a child off the
 * ventilator (line 563) no longer meets them.
 * The outcome a checklist allows: a failed condition means CONDITIONS_NOT_MET (and the return opens); a damaged unit,
 * a failed test run or unsafe fuel storage can't be CONDITIONS_MET. Staff may choose FOLLOW_UP_NEEDED otherwise.
 */
public final class InspectionVerdict {
    private InspectionVerdict() {
    }

    /** The outcome to record, or empty if the one staff chose contradicts the checklist. */
    public static Optional<InspectionOutcome> outcome(InspectionChecklist checklist, InspectionOutcome chosen) {
        if (checklist.failsEligibility()) {
            return chosen == null || chosen == InspectionOutcome.CONDITIONS_NOT_MET
                    ? Optional.of(InspectionOutcome.CONDITIONS_NOT_MET) : Optional.empty();
        }
        if (chosen == InspectionOutcome.CONDITIONS_NOT_MET) {
            return Optional.empty();
        }
        if (checklist.needsFollowUp()) {
            return chosen == null || chosen == InspectionOutcome.FOLLOW_UP_NEEDED
                    ? Optional.of(InspectionOutcome.FOLLOW_UP_NEEDED) : Optional.empty();
        }
        return Optional.of(chosen == null ? InspectionOutcome.CONDITIONS_MET : chosen);
    }
}
