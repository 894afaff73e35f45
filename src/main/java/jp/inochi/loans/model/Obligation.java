package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** What a running loan asks of the family or the center by a date. */
public enum Obligation implements Labelled {
    /** 貸与開始から6か月以内に個別避難計画の作成を申請 (seed 000, line 540). */
    EVACUATION_PLAN_APPLICATION("個別避難計画の作成申請"),
    /** 年に1回程度の確認 (seed 000, line 541). */
    YEARLY_CHECK("年次確認"),
    /** 最長で5年間 (seed 000, line 503). */
    LOAN_TERM_END("貸与期間の満了"),
    /** 返還手続の開始後、装置をセンターへ返す (seed 000, line 503): due from the day the return opened. */
    DEVICE_RETURN("装置の返還"),
    /** 個別避難計画の見直し: at least yearly, and at once after any 見直しが必要 (issue 14). */
    EVACUATION_PLAN_REVIEW("個別避難計画の見直し");

    private final String label;

    Obligation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
