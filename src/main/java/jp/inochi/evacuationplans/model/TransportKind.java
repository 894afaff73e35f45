package jp.inochi.evacuationplans.model;

/** How the child travels, with the ventilator running. */
public enum TransportKind {
    OWN_CAR_WITH_OUTLET("自家用車（給電できるコンセントあり）"),
    OWN_CAR("自家用車"),
    WELFARE_TAXI("福祉タクシー"),
    AMBULANCE("救急車"),
    ON_FOOT("徒歩（抱っこ・バギー）"),
    OTHER("その他");

    private final String label;

    TransportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
