package jp.inochi.disasters.model;

import jp.inochi.lifecycle.Labelled;

/** The steps of a disaster event; each is written to the timeline and the audit log. */
public enum EventAction implements Labelled {
    DECLARE("災害対応の開始"),
    UPDATE_OUTAGE("停電・復旧見込みの更新"),
    REEVALUATE_AREA("対象世帯の再判定"),
    OPEN_MUNICIPAL_ACCESS("市町村への情報提供の開始（災害宣言）"),
    START_SAFETY_CHECK("安否確認の開始"),
    CLOSE("災害対応の終了");

    private final String label;

    EventAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
