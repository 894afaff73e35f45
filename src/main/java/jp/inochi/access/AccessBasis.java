package jp.inochi.access;

/** Why a user may see a household's personal data; recorded with every read in the audit log. */
public enum AccessBasis {
    /** Center staff run the program and hold the data (事業の実施). */
    CENTER("センター業務"),
    /** The family consented to sharing with its municipality (平常時の同意). */
    CONSENT("本人同意"),
    /** A disaster declaration is active for the municipality (災害対策基本法 49条の11). */
    DECLARATION("災害宣言"),
    /** The service itself, e.g. a reminder sweep; no person saw the data. */
    SYSTEM("システム処理");

    private final String label;

    AccessBasis(String label) {
        this.label = label;
    }

    /** The Japanese name shown in the audit log and on screen. */
    public String label() {
        return label;
    }
}
