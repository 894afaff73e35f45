package jp.inochi.applications.model;

import java.util.Optional;

/** 在宅（県内）で…医療的ケア児 (seed 000, line 486); moving out ends a loan (line 562). */
public final class LivesOutsidePrefecture implements EligibilityRule {

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        return EligibilityFacts.KUMAMOTO.equals(facts.prefectureCode()) ? Optional.empty()
                : Optional.of(new Ineligibility(IneligibilityReason.LIVES_OUTSIDE_PREFECTURE,
                        "住所が熊本県外です（都道府県コード " + facts.prefectureCode() + "）"));
    }

    @Override
    public String condition() {
        return "熊本県内の自宅で暮らしている";
    }

    @Override
    public int seedLine() {
        return IneligibilityReason.LIVES_OUTSIDE_PREFECTURE.seedLine();
    }

    @Override
    public String whyMet(EligibilityFacts facts, SubsidyList subsidies) {
        return "住所は熊本県内です";
    }
}
