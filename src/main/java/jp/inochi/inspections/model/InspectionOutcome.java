package jp.inochi.inspections.model;

import jp.inochi.lifecycle.Labelled;

/** 確認の結果. */
public enum InspectionOutcome implements Labelled {
    CONDITIONS_MET("貸与の条件を満たす"),
    FOLLOW_UP_NEEDED("要対応（装置・燃料の保管など）"),
    CONDITIONS_NOT_MET("貸与の条件を満たさない（返還）");

    private final String label;

    InspectionOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
