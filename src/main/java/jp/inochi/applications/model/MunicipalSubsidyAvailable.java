package jp.inochi.applications.model;

import java.util.Optional;
import jp.inochi.platform.time.JapaneseDates;

/**
 * 市町村の助成制度の活用が優先 (seed 000, lines 539, 567), unless the family cannot use it and the reason is
 * recorded (line 568, e.g. the subsidy requires a disability certificate the child cannot get).
 */
public final class MunicipalSubsidyAvailable implements EligibilityRule {

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        if (!subsidies.covers(facts.municipalityCode()) || facts.hasSubsidyException()) {
            return Optional.empty();
        }
        return Optional.of(new Ineligibility(IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE,
                "お住まいの市町村には装置購入の助成制度があります（" + JapaneseDates.wareki(subsidies.asOf())
                        + "現在の一覧）。制度を活用できない場合は、その理由を記録してください"));
    }

    @Override
    public String condition() {
        return "お住まいの市町村に装置購入の助成制度がない（ある場合はそちらが優先。活用できない理由があれば対象）";
    }

    @Override
    public int seedLine() {
        return IneligibilityReason.MUNICIPAL_SUBSIDY_AVAILABLE.seedLine();
    }

    @Override
    public String whyMet(EligibilityFacts facts, SubsidyList subsidies) {
        if (subsidies.asOf() == null) {
            return "助成制度の一覧がまだ登録されていません";
        }
        String list = JapaneseDates.wareki(subsidies.asOf()) + "現在の一覧";
        return subsidies.covers(facts.municipalityCode())
                ? "助成制度はありますが、活用できない理由が記録されています（" + list + "）"
                : "お住まいの市町村は助成制度の一覧にありません（" + list + "）";
    }
}
