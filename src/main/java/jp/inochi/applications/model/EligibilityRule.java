package jp.inochi.applications.model;

import java.util.Optional;

/** One condition of the program; a rule that finds the family short of it names the reason. */
public interface EligibilityRule {

    Optional<Ineligibility> check(EligibilityFacts facts, SubsidyList subsidies);

    /** The condition in the leaflet's words, as the checklist names it. */
    String condition();

    /** The line of {@code shared/seeds/000_c75cc831f73b7408.txt} that states the condition. */
    int seedLine();

    /** Why this family meets it, for the checklist's ✓ (called only when {@link #check} found nothing). */
    String whyMet(EligibilityFacts facts, SubsidyList subsidies);
}
