package jp.inochi.followups.model;

import jp.inochi.lifecycle.Labelled;

/** Why the center must act on a lent generator although the loan's conditions still hold. */
public enum FollowUpReason implements Labelled {
    DAMAGED_DEVICE("装置の破損"),
    FAILED_TEST_RUN("試運転の不良"),
    UNSAFE_FUEL("燃料の保管に問題"),
    FAMILY_REPORTED_TEST_RUN_PROBLEM("ご家族から試運転で問題があったとの報告");

    private final String label;

    FollowUpReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
