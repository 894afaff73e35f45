package jp.inochi.loans.model;

import jp.inochi.lifecycle.Labelled;

/** 貸与の状態. */
public enum LoanState implements Labelled {
    ACTIVE("貸与中"),
    RETURN_OPEN("返還手続中"),
    DEVICE_RECEIVED("装置受領済（点検待ち）"),
    ENDED("終了");

    private final String label;

    LoanState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
