package jp.inochi.devices;

import jp.inochi.lifecycle.Labelled;

/** 装置の状態. */
public enum DeviceState implements Labelled {
    AVAILABLE("貸出可能"),
    RESERVED("割当済"),
    ON_LOAN("貸与中"),
    IN_INSPECTION("点検中"),
    IN_REPAIR("修理中"),
    RETIRED("廃棄");

    private final String label;

    DeviceState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
