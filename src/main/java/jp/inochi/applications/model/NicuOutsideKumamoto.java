package jp.inochi.applications.model;

import java.util.Optional;

/** 熊本県内の新生児集中治療室を有するNICU医療機関でのケアから移行 (seed 000, line 486). */
public final class NicuOutsideKumamoto implements EligibilityRule {

    @Override
    public Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies) {
        return facts.nicuInKumamoto() ? Optional.empty()
                : Optional.of(new Ineligibility(IneligibilityReason.NICU_OUTSIDE_KUMAMOTO,
                        "退院したNICUが熊本県外の医療機関です"));
    }

    @Override
    public String condition() {
        return "熊本県内のNICUのある医療機関でのケアから在宅へ移行する";
    }

    @Override
    public int seedLine() {
        return IneligibilityReason.NICU_OUTSIDE_KUMAMOTO.seedLine();
    }

    @Override
    public String whyMet(EligibilityFacts facts, SubsidyList subsidies) {
        return "退院したNICUは熊本県内の医療機関です";
    }
}
