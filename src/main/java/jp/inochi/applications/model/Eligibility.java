package jp.inochi.applications.model;

import java.util.List;
import java.util.Map;

/**
 * The policy's answer: the named reasons found (none means eligible), whether the subsidy exception applied, and
 * every rule checked, met or not, in the policy's order (the checklist on the application's page).
 */
public record Eligibility(List<Ineligibility> reasons, boolean subsidyExceptionApplied, SubsidyList subsidyList,
                          List<RuleCheck> checks) {

    public boolean eligible() {
        return reasons.isEmpty();
    }

    /** The reasons not covered by a written justification among {@code overrides}. */
    public List<IneligibilityReason> unresolved(Map<IneligibilityReason, String> overrides) {
        return reasons.stream().map(Ineligibility::reason)
                .filter(reason -> !EligibilityOverride.isJustified(overrides.get(reason)))
                .toList();
    }
}
