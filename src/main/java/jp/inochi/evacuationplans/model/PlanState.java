package jp.inochi.evacuationplans.model;

/** Where a plan stands: prefilled but never saved, saved as a draft, or completed with the family. */
public enum PlanState {
    UNSAVED("未保存（Inochi の情報から下書き）"),
    DRAFT("作成中"),
    COMPLETED("作成済み");

    private final String label;

    PlanState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
