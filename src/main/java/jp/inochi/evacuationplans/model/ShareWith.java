package jp.inochi.evacuationplans.model;

/** Who the plan may be shared with in normal times, if the family agreed (seed 000, line 544). */
public enum ShareWith {
    FIRE_DEPARTMENT("消防"),
    POLICE("警察"),
    MINSEI_IIN("民生委員"),
    JISHU_BOSAI("自主防災組織"),
    SHAKYO("社会福祉協議会"),
    SUPPORTERS("避難支援等実施者");

    private final String label;

    ShareWith(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
