package jp.inochi.testruns.model;

/**
 * What a click on a reply link does to the month's test run. The first answer is recorded; the same answer again
 * only says it is recorded; 「問題があった」 after 「正常に動いた」 is recorded (a problem found later must reach the
 * center); 「正常に動いた」 after 「問題があった」 keeps the problem, whose follow-up the center closes after checking.
 */
public enum ReplyOutcome {
    RECORDED,
    CHANGED_TO_PROBLEM,
    ALREADY_RECORDED,
    PROBLEM_KEPT;

    public static ReplyOutcome of(TestRunAnswer recorded, TestRunAnswer clicked) {
        if (recorded == null) {
            return RECORDED;
        }
        if (recorded == clicked) {
            return ALREADY_RECORDED;
        }
        return clicked == TestRunAnswer.PROBLEM ? CHANGED_TO_PROBLEM : PROBLEM_KEPT;
    }

    /** The click changed what is recorded. */
    public boolean records() {
        return this == RECORDED || this == CHANGED_TO_PROBLEM;
    }

    /** The click recorded a problem: the center gets a follow-up. */
    public boolean opensFollowUp(TestRunAnswer clicked) {
        return records() && clicked == TestRunAnswer.PROBLEM;
    }
}
