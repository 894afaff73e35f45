package jp.inochi.applications.model;

/** A named reason why a family does not (yet) meet the program's conditions, with the seed line it comes from. */
public enum IneligibilityReason {
    NICU_OUTSIDE_KUMAMOTO("NICUが熊本県内の医療機関ではありません", 486),
    NOT_DISCHARGED("NICUからの退院日が登録されていません", 501),
    DISCHARGED_BEFORE_PROGRAM_START("令和7年4月1日より前にNICUを退院しています", 558),
    NOT_ON_VENTILATOR("人工呼吸器を常時装着していません", 486),
    VENTILATOR_OFF_TOO_LONG("人工呼吸器を外している時間が1日概ね30分を超えています", 554),
    LIVES_OUTSIDE_PREFECTURE("熊本県内に住んでいません", 486),
    MUNICIPAL_SUBSIDY_AVAILABLE("お住まいの市町村に装置購入の助成制度があり、そちらの活用が優先されます", 567);

    private final String label;
    private final int seedLine;

    IneligibilityReason(String label, int seedLine) {
        this.label = label;
        this.seedLine = seedLine;
    }

    public String label() {
        return label;
    }

    /** The line of {@code shared/seeds/000_c75cc831f73b7408.txt} the rule comes from. */
    public int seedLine() {
        return seedLine;
    }
}
