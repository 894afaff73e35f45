package jp.inochi.applications.model;

/** Staff approve despite a named reason only with a written justification (issue 3; line 568 for the subsidy case). */
public record EligibilityOverride(IneligibilityReason reason, String justification) {
    /** Shorter than this is not a justification anyone could review later. */
    public static final int MIN_JUSTIFICATION_LENGTH = 10;

    public static boolean isJustified(String justification) {
        return justification != null && justification.strip().length() >= MIN_JUSTIFICATION_LENGTH;
    }
}
