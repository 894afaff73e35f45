package jp.inochi.loans.model;

/** 貸与の条件 the family accepts at the handover (seed 000, line 538). */
public final class TermsOfLoan {
    /** The leaflet's terms as of 令和7年10月. A new text gets a new version. */
    public static final String VERSION = "R7.10";
    public static final String RUNNING_COSTS =
            "装置の稼働に必要な保守管理費用（電気料金・燃料費等）は利用者が負担します。";
    public static final String REPAIR_LIABILITY =
            "装置を紛失・破損するなど利用者にその責任が認められる場合には、修理費用等を負担していただくことがあります。";

    private TermsOfLoan() {
    }
}
