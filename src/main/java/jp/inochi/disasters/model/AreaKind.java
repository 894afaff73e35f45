package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** How an event's area is given. */
public enum AreaKind implements Labelled {
    MUNICIPALITIES("市町村（区）"),
    POLYGON("範囲（描画またはファイル）"),
    HAZARD_ZONES("ハザード区域（危険度の下限以上）");

    private final String label;

    AreaKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
