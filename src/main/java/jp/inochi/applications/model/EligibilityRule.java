package jp.inochi.applications.model;

import java.util.Optional;

/** One condition of the program; a rule that finds the family short of it names the reason. */
public interface EligibilityRule {

    Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies);
}
