package jp.inochi.devices;

import jp.inochi.lifecycle.Labelled;

/** 装置の状態（外観・動作）: recorded at purchase, at each yearly check and when it comes back. */
public enum DeviceCondition implements Labelled {
    GOOD("良好"),
    WORN("使用感・軽微な傷あり"),
    DAMAGED("破損・要修理");

    private final String label;

    DeviceCondition(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
