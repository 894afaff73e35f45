package jp.inochi.applications.model;

import java.util.Optional;

/**
 * 市町村に制度はあるけれど活用できない場合 (seed 000, line 568): the reason must be recorded, the same at intake as in
 * the dedicated action, in at least {@link EligibilityOverride#MIN_JUSTIFICATION_LENGTH} characters.
 */
public final class SubsidyExceptionReason {

    private SubsidyExceptionReason() {
    }

    public static boolean isRecorded(String reason) {
        return EligibilityOverride.isJustified(reason);
    }

    /** What is wrong with a reason given, or empty when it will do; none given at all is fine at intake. */
    public static Optional<String> problem(String reason) {
        return isRecorded(reason) ? Optional.empty()
                : Optional.of("活用できない理由を" + EligibilityOverride.MIN_JUSTIFICATION_LENGTH + "文字以上で記入してください");
    }
}
