package jp.inochi.applications.model;

import jp.inochi.applications.model.RuleOverride.Weight;

/**
 * A named reason why a family does not (yet) meet the program's conditions, with the seed line it comes from and how
 * firmly the leaflet states it: only 「概ね30分」 (line 554) and the subsidy exception (line 568) leave staff room.
 */
public enum IneligibilityReason {
    NICU_OUTSIDE_KUMAMOTO("NICUが熊本県内の医療機関ではありません", 486, Weight.HARD),
    NOT_DISCHARGED("NICUの退院日も退院予定日も登録されていません", 501, Weight.HARD),
    DISCHARGED_BEFORE_PROGRAM_START("令和7年4月1日より前にNICUを退院しています", 558, Weight.HARD),
    NOT_ON_VENTILATOR("人工呼吸器を常時装着していません", 486, Weight.HARD),
    VENTILATOR_OFF_TOO_LONG("人工呼吸器を外している時間が1日概ね30分を超えています", 554, Weight.SOFT),
    LIVES_OUTSIDE_PREFECTURE("熊本県内に住んでいません", 486, Weight.HARD),
    MUNICIPAL_SUBSIDY_AVAILABLE("お住まいの市町村に装置購入の助成制度があり、そちらの活用が優先されます", 567, Weight.SOFT);

    private final String label;
    private final int seedLine;
    private final Weight weight;

    IneligibilityReason(String label, int seedLine, Weight weight) {
        this.label = label;
        this.seedLine = seedLine;
        this.weight = weight;
    }

    /** Who may set the reason aside: staff a soft one, only a center admin a hard one ({@link RuleOverride}). */
    public Weight weight() {
        return weight;
    }

    public String label() {
        return label;
    }

    /** The line of {@code shared/seeds/000_c75cc831f73b7408.txt} the rule comes from. */
    public int seedLine() {
        return seedLine;
    }
}
