package jp.inochi.reminders;

/**
 * The words for a plan's 見直しが必要 reasons in the staff digest, given by the plans feature: that feature sends its
 * emails through this one, so this one must not depend on it.
 */
public interface PlanReviewReasons {

    /** "MOVED,CHECK_FAILED" as the reasons staff read, joined with 「・」. */
    String labels(String reasons);
}
