package jp.inochi.evacuationplans.model;

/** Who a 避難支援等実施者 is to the family. */
public enum SupporterRelation {
    FAMILY("家族"),
    NEIGHBOUR("近隣住民"),
    MINSEI_IIN("民生委員"),
    JISHU_BOSAI("自主防災組織"),
    VISITING_NURSE("訪問看護"),
    SOUDAN_SHIEN("相談支援専門員"),
    COORDINATOR("コーディネーター"),
    OTHER("その他");

    private final String label;

    SupporterRelation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
