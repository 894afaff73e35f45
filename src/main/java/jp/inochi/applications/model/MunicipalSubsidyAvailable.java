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
}
