package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** 貸与申請の状態: reviewed and decided like the program application, then a device is assigned and handed over. */
public enum LoanApplicationState implements Labelled {
    RECEIVED("受付済"),
    UNDER_REVIEW("審査中"),
    INFORMATION_REQUESTED("追加情報の依頼中"),
    APPROVED("貸与決定"),
    REJECTED("却下"),
    WITHDRAWN("取下げ"),
    DEVICE_ASSIGNED("装置割当済"),
    HANDED_OVER("引渡し済（貸与開始）");

    private final String label;

    LoanApplicationState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
