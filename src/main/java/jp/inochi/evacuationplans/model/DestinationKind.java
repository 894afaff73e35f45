package jp.inochi.evacuationplans.model;

/** Where the family goes for one hazard. */
public enum DestinationKind {
    HIGHER_FLOOR("自宅の上の階（垂直避難）"),
    RELATIVE("親戚・知人宅"),
    DESIGNATED_SHELTER("指定避難所"),
    WELFARE_SHELTER("福祉避難所"),
    HOSPITAL("病院"),
    OTHER("その他");

    private final String label;

    DestinationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A destination that is one of Inochi's shelters (so its zones can be checked). */
    public boolean isShelter() {
        return this == DESIGNATED_SHELTER || this == WELFARE_SHELTER;
    }
}
