package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** Why a loan ends and the device comes back. */
public enum ReturnReason implements Labelled {
    /** 熊本県外へ引越す…貸与は終了 (seed 000, line 562). */
    MOVED_OUT_OF_PREFECTURE("熊本県外への転居"),
    /** 人工呼吸器からの離脱等 (seed 000, line 563). */
    WEANED_OFF_VENTILATOR("人工呼吸器からの離脱"),
    /** 最長で5年間 (seed 000, line 503). */
    TERM_ENDED("貸与期間（5年）の満了"),
    /** 貸与の条件に合致しているかどうかを…確認 (seed 000, line 541). */
    INSPECTION_FAILED("確認で貸与の条件を満たさないことが判明"),
    FAMILY_REQUEST("ご家族の申し出"),
    /** 紛失 (seed 000, line 538: the family may bear the cost): the device can't come back. */
    DEVICE_LOST("装置の紛失"),
    OTHER("その他");

    private final String label;

    ReturnReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Reasons that are facts, not choices: a return opened for them cannot be cancelled. */
    public boolean isFinal() {
        return this == TERM_ENDED;
    }
}
