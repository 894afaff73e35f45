package jp.inochi.applications.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 対象者 of 熊本県生命の応援事業 (seed 000, lines 486, 501, 554, 558, 567-570): every rule, each naming its reason. */
public final class EligibilityPolicy {
    private final List<EligibilityRule> rules;

    public EligibilityPolicy(List<EligibilityRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static EligibilityPolicy allCurrentRules() {
        return new EligibilityPolicy(List.of(new NicuOutsideKumamoto(), new DischargedBeforeProgramStart(),
                new VentilatorOffTooLong(), new LivesOutsidePrefecture(), new MunicipalSubsidyAvailable()));
    }

    public Eligibility evaluate(EligibilityFacts facts, SubsidyList subsidies) {
        List<RuleCheck> checks = new ArrayList<>();
        for (EligibilityRule rule : rules) {
            Optional<Ineligibility> found = rule.check(facts, subsidies);
            checks.add(new RuleCheck(rule.condition(), rule.seedLine(), found.orElse(null),
                    found.isPresent() ? null : rule.whyMet(facts, subsidies)));
        }
        List<Ineligibility> reasons = checks.stream().filter(check -> !check.met()).map(RuleCheck::finding).toList();
        boolean exceptionApplied = subsidies.covers(facts.municipalityCode()) && facts.hasSubsidyException();
        return new Eligibility(reasons, exceptionApplied, subsidies, List.copyOf(checks));
    }
}
